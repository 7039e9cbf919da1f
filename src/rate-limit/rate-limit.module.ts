import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/configuration';
import { RateLimitGuard, RouteThrottler } from './rate-limit.guard';
import { rateLimitOptions } from './rate-limit.options';
import { createRateLimitStorage } from './rate-limit.storage';

/**
 * Rate limits per client IP (RATE_LIMIT_AUTH, REDIS_URL). AppModule registers
 * RateLimitGuard as a global guard; routes opt in with @RateLimited().
 * ThrottlerModule is global, so the guard's options and storage resolve
 * wherever it runs.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const rateLimit = config.get('rateLimit', { infer: true });
        return rateLimitOptions(rateLimit, createRateLimitStorage(rateLimit));
      },
    }),
  ],
  providers: [RouteThrottler, RateLimitGuard],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
