import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/configuration';
import { FallbackRateLimitStorage } from './fallback-storage';

/** Where the counters live in Redis, unless REDIS_URL says `?keyPrefix=…`. */
export const REDIS_KEY_PREFIX = 'invite-service:rate-limit:';

/**
 * A Redis that is down or slow must not hold a login for long: a command
 * fails after one reconnection attempt or two seconds, and the request is
 * counted in memory instead (FallbackRateLimitStorage), rather than waiting
 * in ioredis's queue. The connection opens with the first counted request.
 */
export const REDIS_OPTIONS: RedisOptions = {
  keyPrefix: REDIS_KEY_PREFIX,
  lazyConnect: true,
  connectTimeout: 2000,
  commandTimeout: 2000,
  maxRetriesPerRequest: 1,
  // Fail commands at once while disconnected; the fallback counts them.
  enableOfflineQueue: false,
};

/**
 * In memory by default (one budget per process); with REDIS_URL, in Redis,
 * so that several instances share one budget, falling back to memory while
 * Redis is unreachable. The storage becomes the throttler's ThrottlerStorage
 * provider, so Nest closes it on shutdown: the Redis store disconnects, the
 * memory store stops its sweep timer.
 */
export function createRateLimitStorage(
  rateLimit: AppConfig['rateLimit'],
): ThrottlerStorage {
  // Nothing is counted when the limit is off: no reason to connect.
  if (!rateLimit.redisUrl || rateLimit.authPerMinute === 0) {
    return new ThrottlerStorageService();
  }
  // Options in the URL (e.g. `?keyPrefix=`) win over REDIS_OPTIONS.
  return new FallbackRateLimitStorage(
    new ThrottlerStorageRedisService(rateLimit.redisUrl, REDIS_OPTIONS),
  );
}
