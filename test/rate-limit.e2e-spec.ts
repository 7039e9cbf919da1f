import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import { INVALID_INVITE_CODE, TOO_MANY_REQUESTS } from './helpers/error-bodies';

const LIMIT = 3;
const CREDENTIALS = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
const NEWCOMER = { username: 'newcomer', password: 'a-good-long-password' };

/** A POST from another loopback address, i.e. another client IP. */
function loginFrom(t: TestApp, localAddress: string): Promise<number> {
  const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/api/auth/login',
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(CREDENTIALS));
  });
}

function expectTooManyRequests(response: request.Response): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual(TOO_MANY_REQUESTS);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  const seconds = Number(response.headers['retry-after']);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
}

describe(`rate limits with RATE_LIMIT_AUTH=${LIMIT} (e2e)`, () => {
  let t: TestApp;

  const login = (body: object = CREDENTIALS) =>
    request(t.http).post('/api/auth/login').send(body);
  const register = () =>
    request(t.http).post('/api/auth/register').send(NEWCOMER);

  beforeEach(async () => {
    // Each test starts with a fresh budget: the counters live in the app.
    t = await createApp({ RATE_LIMIT_AUTH: String(LIMIT) });
    await t.app.listen(0, '127.0.0.1');
  });

  afterEach(async () => {
    await t.close();
  });

  it('answers the 4th login within a minute with 429 too many requests and a Retry-After header', async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const response = await login().expect(200);
      expect(response.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(response.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i));
    }

    expectTooManyRequests(await login());
  });

  it('counts every attempt, whatever its outcome, and register against the same budget', async () => {
    await login({ ...CREDENTIALS, password: 'wrong-password' }).expect(401);
    await login({}).expect(400);
    expect((await register().expect(400)).body).toEqual(INVALID_INVITE_CODE);

    expectTooManyRequests(await login());
    expectTooManyRequests(await register());
  });

  it('answers the 4th register within a minute with 429 too many requests', async () => {
    for (let i = 0; i < LIMIT; i++) {
      expect((await register().expect(400)).body).toEqual(INVALID_INVITE_CODE);
    }

    expectTooManyRequests(await register());
  });

  it('does not limit GET /api/health or GET /api/auth/me, nor count them', async () => {
    const { token } = await t.createUser();
    const health = () => request(t.http).get('/api/health').expect(200);
    const me = () =>
      request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);

    for (let i = 0; i < 10; i++) {
      const responses = [await health(), await me()];
      for (const response of responses) {
        expect(response.headers).not.toHaveProperty('x-ratelimit-limit');
      }
    }
    for (let i = 0; i < LIMIT; i++) await login().expect(200);
    expectTooManyRequests(await login());

    for (let i = 0; i < 10; i++) {
      await health();
      await me();
    }
  });

  it('keeps a separate budget for each client IP', async () => {
    for (let i = 0; i < LIMIT; i++) await login().expect(200);
    expectTooManyRequests(await login());

    expect(await loginFrom(t, '127.0.0.2')).toBe(200);
  });

  it('ignores X-Forwarded-For (no trusted proxy), so a client cannot pick a fresh budget', async () => {
    for (let i = 0; i < LIMIT; i++) await login().expect(200);

    expectTooManyRequests(await login().set('X-Forwarded-For', '203.0.113.99'));
  });
});

describe('rate limits with RATE_LIMIT_AUTH=0 (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp({ RATE_LIMIT_AUTH: '0' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('never limits login or register, however many requests', async () => {
    // More than the default limit of 20.
    for (let i = 0; i < 25; i++) {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send(CREDENTIALS)
        .expect(200);
      expect(response.headers).not.toHaveProperty('x-ratelimit-limit');
    }
    for (let i = 0; i < 25; i++) {
      const response = await request(t.http)
        .post('/api/auth/register')
        .send(NEWCOMER)
        .expect(400);
      expect(response.body).toEqual(INVALID_INVITE_CODE);
    }
  });
});
