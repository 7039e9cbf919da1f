import { ExecutionContext, HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerException, ThrottlerStorageService } from '@nestjs/throttler';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RateLimitGuard, RouteThrottler } from './rate-limit.guard';
import { rateLimitOptions } from './rate-limit.options';
import { RateLimited } from './rate-limited.decorator';

class Routes {
  @RateLimited()
  login(): void {}

  @RateLimited()
  register(): void {}

  open(): void {}
}

@RateLimited()
class LimitedController {
  anything(): void {}
}

function contextFor(
  controller: new () => object,
  handler: string,
  ip = '203.0.113.7',
): { context: ExecutionContext; headers: Map<string, unknown> } {
  const prototype = controller.prototype as Record<string, () => void>;
  const headers = new Map<string, unknown>();
  const response = {
    header: (name: string, value: unknown) => headers.set(name, value),
  };
  const context = new ExecutionContextHost(
    [{ ip, headers: {} }, response],
    controller,
    prototype[handler],
  );
  return { context, headers };
}

describe('RateLimitGuard', () => {
  let storage: ThrottlerStorageService;

  async function guardWithLimit(authPerMinute: number) {
    storage = new ThrottlerStorageService();
    const reflector = new Reflector();
    const throttler = new RouteThrottler(
      rateLimitOptions({ authPerMinute }, storage),
      storage,
      reflector,
    );
    await throttler.onModuleInit();
    const guard = new RateLimitGuard(throttler, reflector);
    guard.onModuleInit();
    return guard;
  }

  const pass = (
    guard: RateLimitGuard,
    ...args: Parameters<typeof contextFor>
  ) => guard.canActivate(contextFor(...args).context);

  afterEach(() => storage.onApplicationShutdown());

  it('lets requests to a route without @RateLimited() through at once, uncounted', async () => {
    const guard = await guardWithLimit(2);
    for (let i = 0; i < 10; i++) {
      expect(pass(guard, Routes, 'open')).toBe(true);
    }
    await expect(pass(guard, Routes, 'login')).resolves.toBe(true);
    await expect(pass(guard, Routes, 'login')).resolves.toBe(true);
  });

  it('refuses the request over the limit with a 429 and sets Retry-After in seconds', async () => {
    const guard = await guardWithLimit(2);
    await pass(guard, Routes, 'login');
    await pass(guard, Routes, 'login');
    const { context, headers } = contextFor(Routes, 'login');

    const refusal = Promise.resolve(guard.canActivate(context));

    await expect(refusal).rejects.toThrow(ThrottlerException);
    await refusal.catch((error: ThrottlerException) =>
      expect(error.getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS),
    );
    expect(headers.get('Retry-After')).toBeGreaterThanOrEqual(59);
    expect(headers.get('Retry-After')).toBeLessThanOrEqual(60);
  });

  it('tells the client its limit and what remains on allowed requests', async () => {
    const guard = await guardWithLimit(2);
    const { context, headers } = contextFor(Routes, 'login');
    await guard.canActivate(context);
    expect(headers.get('X-RateLimit-Limit')).toBe(2);
    expect(headers.get('X-RateLimit-Remaining')).toBe(1);
  });

  it('shares one budget between all @RateLimited() routes', async () => {
    const guard = await guardWithLimit(2);
    await pass(guard, Routes, 'login');
    await pass(guard, Routes, 'register');
    await expect(pass(guard, Routes, 'register')).rejects.toThrow(
      ThrottlerException,
    );
    await expect(pass(guard, Routes, 'login')).rejects.toThrow(
      ThrottlerException,
    );
  });

  it('counts each client IP on its own, an IPv4-mapped address as its IPv4', async () => {
    const guard = await guardWithLimit(1);
    await pass(guard, Routes, 'login', '203.0.113.7');
    await expect(
      pass(guard, Routes, 'login', '::ffff:203.0.113.7'),
    ).rejects.toThrow(ThrottlerException);
    await expect(pass(guard, Routes, 'login', '198.51.100.1')).resolves.toBe(
      true,
    );
  });

  it('applies @RateLimited() on a controller to all its handlers', async () => {
    const guard = await guardWithLimit(1);
    await pass(guard, LimitedController, 'anything');
    await expect(pass(guard, LimitedController, 'anything')).rejects.toThrow(
      ThrottlerException,
    );
  });

  it('limits nothing when RATE_LIMIT_AUTH is 0', async () => {
    const guard = await guardWithLimit(0);
    for (let i = 0; i < 50; i++) {
      const { context, headers } = contextFor(Routes, 'login');
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(headers.size).toBe(0);
    }
  });
});
