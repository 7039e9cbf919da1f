import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { CapturingLogger } from './helpers/capturing-logger';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import { TOO_MANY_REQUESTS } from './helpers/error-bodies';
import {
  freePort,
  RedisServer,
  redisServerAvailable,
} from './helpers/redis-server';

const CREDENTIALS = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
const OUTAGE = /Redis for rate limits unreachable/;
const BACK = /Redis for rate limits reachable again/;

const describeWithRedis = redisServerAvailable('rate-limit-redis.e2e-spec')
  ? describe
  : describe.skip;

describeWithRedis('rate limits shared through Redis (e2e)', () => {
  let server: RedisServer;
  let redis: Redis;
  const apps: TestApp[] = [];

  /** The server's URL with a key prefix of its own, so tests never share counters. */
  function isolatedRedisUrl(): { url: string; prefix: string } {
    const prefix = `invite-service-test:${randomBytes(6).toString('hex')}:`;
    const url = new URL(server.url);
    url.searchParams.set('keyPrefix', prefix);
    return { url: url.toString(), prefix };
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    return redis.keys(`${prefix}*`);
  }

  async function start(
    env: Record<string, string>,
    logger?: CapturingLogger,
  ): Promise<TestApp> {
    const t = await createApp({ RATE_LIMIT_AUTH: '3', ...env }, { logger });
    apps.push(t);
    return t;
  }

  const login = (t: TestApp) =>
    request(t.http).post('/api/auth/login').send(CREDENTIALS);

  beforeAll(async () => {
    server = new RedisServer(await freePort());
    await server.start();
    redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
  });

  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('gives two instances on one Redis one budget per client IP', async () => {
    const { url, prefix } = isolatedRedisUrl();
    const a = await start({ REDIS_URL: url });
    const b = await start({ REDIS_URL: url });

    await login(a).expect(200);
    await login(a).expect(200);
    const third = await login(b).expect(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');

    for (const t of [b, a]) {
      const response = await login(t).expect(429);
      expect(response.body).toEqual(TOO_MANY_REQUESTS);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect(await keysUnder(prefix)).not.toHaveLength(0);
  });

  it('keeps limiting in memory while Redis is stopped (no 5xx, one warning), and goes back to Redis when it returns', async () => {
    const { url, prefix } = isolatedRedisUrl();
    const logger = new CapturingLogger();
    const t = await start({ REDIS_URL: url }, logger);
    const lines = (pattern: RegExp) =>
      logger.lines.filter((line) => pattern.test(line));

    await login(t).expect(200);
    expect(await keysUnder(prefix)).not.toHaveLength(0);

    await server.stop();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      const response = await login(t);
      statuses.push(response.status);
      expect(Date.now() - started).toBeLessThan(3000);
      if (response.status === 429) {
        expect(response.body).toEqual(TOO_MANY_REQUESTS);
      }
    }
    // Counted afresh in memory: three more logins, then refused.
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(lines(OUTAGE)).toHaveLength(1);
    expect(lines(OUTAGE)[0]).toMatch(/^warn /);
    await request(t.http).get('/api/health').expect(200);

    await server.start();
    // ioredis reconnects by itself; the storage says so in the log.
    while (lines(BACK).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The restarted Redis is empty (--save ''): counting starts there again.
    await login(t).expect(200);
    const fresh = new Redis(server.url, { maxRetriesPerRequest: 1 });
    try {
      expect(await fresh.keys(`${prefix}*`)).not.toHaveLength(0);
    } finally {
      fresh.disconnect();
    }
    expect(lines(OUTAGE)).toHaveLength(1);
  });

  it('answers at once, limiting in memory, when Redis is unreachable from the start', async () => {
    const logger = new CapturingLogger();
    // Nothing listens on port 1.
    const t = await start({ REDIS_URL: 'redis://127.0.0.1:1' }, logger);
    const started = Date.now();
    await login(t).expect(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await login(t).expect(200);
    await login(t).expect(200);
    await login(t).expect(429);
    expect(logger.lines.filter((line) => OUTAGE.test(line))).toHaveLength(1);
  });
});
