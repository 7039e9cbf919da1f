import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { FallbackRateLimitStorage } from './fallback-storage';
import { createRateLimitStorage, REDIS_KEY_PREFIX } from './rate-limit.storage';

describe('createRateLimitStorage', () => {
  const opened: FallbackRateLimitStorage[] = [];

  /** The connection is lazy: these tests never open one. */
  function redisStorage(url: string): FallbackRateLimitStorage {
    const storage = createRateLimitStorage({
      authPerMinute: 20,
      redisUrl: url,
    });
    // Redis, with this instance's memory for when Redis is away.
    expect(storage).toBeInstanceOf(FallbackRateLimitStorage);
    const fallback = storage as FallbackRateLimitStorage;
    expect(fallback.shared).toBeInstanceOf(ThrottlerStorageRedisService);
    opened.push(fallback);
    return fallback;
  }

  afterEach(() => {
    for (const storage of opened.splice(0)) storage.onModuleDestroy();
  });

  it('keeps the counters in memory when REDIS_URL is unset', () => {
    expect(createRateLimitStorage({ authPerMinute: 20 })).toBeInstanceOf(
      ThrottlerStorageService,
    );
  });

  it('does not use Redis when the limit is off', () => {
    expect(
      createRateLimitStorage({
        authPerMinute: 0,
        redisUrl: 'redis://127.0.0.1:6379',
      }),
    ).toBeInstanceOf(ThrottlerStorageService);
  });

  it('uses Redis at REDIS_URL, under its own key prefix, failing fast when Redis is away', () => {
    const { options } = redisStorage('redis://redis.internal:6380/2').redis;
    expect(options).toMatchObject({
      host: 'redis.internal',
      port: 6380,
      db: 2,
      keyPrefix: REDIS_KEY_PREFIX,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      commandTimeout: 2000,
      enableOfflineQueue: false,
    });
  });

  it('lets REDIS_URL choose another key prefix', () => {
    const { options } = redisStorage(
      'redis://127.0.0.1:6379?keyPrefix=staging:limits:',
    ).redis;
    expect(options.keyPrefix).toBe('staging:limits:');
  });
});
