import {
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/configuration';
import { createForwardedForCheck } from './forwarded-for-check';
import { IS_RATE_LIMITED_KEY } from './rate-limited.decorator';
import { RouteMetadata } from '../common/decorators/route-metadata';
import { requestOf } from '../common/http-context';

/**
 * Global, but opt-in: only routes marked @RateLimited() are counted. The
 * budget itself (limit, window, storage, "0 disables") comes from the
 * throttler options that RateLimitModule builds from the configuration.
 * Being global, it also looks at every request for an X-Forwarded-For that
 * TRUST_PROXY ignores (a plain function, whatever the HTTP platform).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // A property rather than a constructor parameter: ThrottlerGuard's
  // constructor is the throttler's own, and unit tests build the guard bare.
  @Optional()
  @Inject(ConfigService)
  private readonly config?: ConfigService<AppConfig, true>;

  private checkForwardedFor?: (headers: IncomingHttpHeaders) => void;
  private rateLimited?: RouteMetadata<boolean>;

  async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const logger = new Logger('ClientIp');
    this.checkForwardedFor = createForwardedForCheck(
      this.config?.get('app', { infer: true }).trustProxy ?? false,
      (message) => logger.warn(message),
    );
  }

  /**
   * A route that is not rate-limited is let through without the
   * throttler's per-request metadata reads and awaits. (ThrottlerGuard's
   * signature keeps the answer a promise.)
   */
  canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf<{ headers?: IncomingHttpHeaders }>(context);
    if (request.headers) this.checkForwardedFor?.(request.headers);
    if (!this.isRateLimited(context)) return Promise.resolve(true);
    return super.canActivate(context);
  }

  private isRateLimited(context: ExecutionContext): boolean {
    this.rateLimited ??= new RouteMetadata(this.reflector, IS_RATE_LIMITED_KEY);
    return this.rateLimited.of(context) === true;
  }
}
