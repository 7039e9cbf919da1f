import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IS_RATE_LIMITED_KEY } from './rate-limited.decorator';

/**
 * Global, but opt-in: only routes marked @RateLimited() are counted. The
 * budget itself (limit, window, storage, "0 disables") comes from the
 * throttler options that RateLimitModule builds from the configuration.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected shouldSkip(context: ExecutionContext): Promise<boolean> {
    const rateLimited = this.reflector.getAllAndOverride<boolean>(
      IS_RATE_LIMITED_KEY,
      [context.getHandler(), context.getClass()],
    );
    return Promise.resolve(!rateLimited);
  }
}
