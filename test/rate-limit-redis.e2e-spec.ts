import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import {
  INTERNAL_SERVER_ERROR,
  TOO_MANY_REQUESTS,
} from './helpers/error-bodies';
import { describeWithRedis, TEST_REDIS_URL } from './helpers/redis';

/** The machine's Redis; these specs skip without it unless REQUIRE_REDIS=1. */
const REDIS_URL = TEST_REDIS_URL;
const CREDENTIALS = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };

/**
 * REDIS_URL with a key prefix of its own, so that parallel runs (and other
 * users of this Redis) neither see these counters nor lose theirs.
 */
function isolatedRedisUrl(): { url: string; prefix: string } {
  const prefix = `invite-service-test:${randomBytes(6).toString('hex')}:`;
  const url = new URL(REDIS_URL);
  url.searchParams.set('keyPrefix', prefix);
  return { url: url.toString(), prefix };
}

describeWithRedis('rate limits shared through Redis (e2e)', () => {
  let redis: Redis;
  const apps: TestApp[] = [];
  const prefixes: string[] = [];

  async function keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}*`,
        'COUNT',
        100,
      );
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  }

  async function start(env: Record<string, string>): Promise<TestApp> {
    const t = await createApp({ RATE_LIMIT_AUTH: '3', ...env });
    apps.push(t);
    return t;
  }

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      throw new Error(
        `These tests need Redis at ${REDIS_URL} (set TEST_REDIS_URL to use another): ${String(error)}`,
      );
    }
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
    for (const prefix of prefixes.splice(0)) {
      const keys = await keysUnder(prefix);
      if (keys.length > 0) await redis.unlink(...keys);
    }
  });

  afterAll(async () => {
    await redis?.quit();
  });

  it('gives two instances on one Redis one budget per client IP', async () => {
    const { url, prefix } = isolatedRedisUrl();
    prefixes.push(prefix);
    const a = await start({ REDIS_URL: url });
    const b = await start({ REDIS_URL: url });
    const login = (t: TestApp) =>
      request(t.http).post('/api/auth/login').send(CREDENTIALS);

    await login(a).expect(200);
    await login(a).expect(200);
    const third = await login(b).expect(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');

    for (const t of [b, a]) {
      const response = await login(t).expect(429);
      expect(response.body).toEqual(TOO_MANY_REQUESTS);
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect(await keysUnder(prefix)).not.toHaveLength(0);
  });

  it('answers 500 internal server error at once while Redis is unreachable, and serves other routes', async () => {
    // Nothing listens on port 1.
    const t = await start({ REDIS_URL: 'redis://127.0.0.1:1' });
    const started = Date.now();

    const response = await request(t.http)
      .post('/api/auth/login')
      .send(CREDENTIALS)
      .expect(500);

    expect(response.body).toEqual(INTERNAL_SERVER_ERROR);
    expect(Date.now() - started).toBeLessThan(3000);
    await request(t.http).get('/api/health').expect(200);
  });
});
