import {
  CanActivate,
  ExecutionContext,
  Injectable,
  Logger,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/configuration';
import { createForwardedForCheck } from './forwarded-for-check';
import { IS_RATE_LIMITED_KEY } from './rate-limited.decorator';
import { RouteMetadata } from '../common/decorators/route-metadata';
import { requestOf } from '../common/http-context';

/**
 * @nestjs/throttler's guard as it is: the counting, the 429 and the
 * headers, for the routes RateLimitGuard hands it.
 */
@Injectable()
export class RouteThrottler extends ThrottlerGuard {}

/**
 * Global, but opt-in: only routes marked @RateLimited() are counted. The
 * budget itself (limit, window, storage, "0 disables") comes from the
 * throttler options that RateLimitModule builds from the configuration.
 * Being global, it also looks at every request for an X-Forwarded-For that
 * TRUST_PROXY ignores (a plain function, whatever the HTTP platform).
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit {
  private readonly rateLimited: RouteMetadata<boolean>;
  private checkForwardedFor?: (headers: IncomingHttpHeaders) => void;

  constructor(
    private readonly throttler: RouteThrottler,
    reflector: Reflector,
    @Optional() private readonly config?: ConfigService<AppConfig, true>,
  ) {
    this.rateLimited = new RouteMetadata(reflector, IS_RATE_LIMITED_KEY);
  }

  onModuleInit(): void {
    const logger = new Logger('ClientIp');
    this.checkForwardedFor = createForwardedForCheck(
      this.config?.get('app', { infer: true }).trustProxy ?? false,
      (message) => logger.warn(message),
    );
  }

  /**
   * A route that is not rate-limited is let through at once: no throttler
   * metadata reads, and no promise for Nest to await on every request.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = requestOf<{ headers?: IncomingHttpHeaders }>(context);
    if (request.headers) this.checkForwardedFor?.(request.headers);
    return this.rateLimited.of(context) === true
      ? this.throttler.canActivate(context)
      : true;
  }
}
