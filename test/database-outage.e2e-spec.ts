import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';
import { DATABASE_UNAVAILABLE } from './helpers/error-bodies';
import { TcpProxy } from './helpers/tcp-proxy';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

/**
 * The app reaches PostgreSQL through a proxy the test can cut, so the outage
 * is real: connections drop, new ones are refused.
 */
describe('database outage (e2e)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let directUrl: string;
  let token: string;

  beforeAll(async () => {
    directUrl = await createTestDatabase();
    proxy = await TcpProxy.inFrontOf(directUrl);
    t = await createApp({ DATABASE_URL: proxy.wrap(directUrl) });
    token = (await t.createUser()).token;
  });

  /** GET /api/auth/me, and how long it took to be answered. */
  async function timedMe() {
    const started = Date.now();
    const me = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`);
    return { me, elapsed: Date.now() - started };
  }

  afterAll(async () => {
    await proxy.resume();
    await t.close();
    await proxy.cut();
    await dropTestDatabase(directUrl);
  });

  it('reports health 200 while the database answers', async () => {
    const response = await request(t.http).get('/api/health').expect(200);
    expect(response.body).toEqual(expect.objectContaining({ status: 'ok' }));
  });

  it('answers 503 within the bound while the database is gone, then recovers by itself', async () => {
    await proxy.cut();

    const { me, elapsed } = await timedMe();
    expect(me.status).toBe(503);
    expect(me.body).toEqual(DATABASE_UNAVAILABLE);
    // The contract's bound is 5 s; a hang would hit Jest's timeout instead.
    expect(elapsed).toBeLessThan(5000);

    const health = await request(t.http).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual(DATABASE_UNAVAILABLE);

    await proxy.resume();
    await request(t.http).get('/api/health').expect(200);
    await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });

  it('answers 503 when the database stops answering without closing its connections, then recovers', async () => {
    // The pool's connections are open and idle; the partition swallows
    // everything sent on them. The watchdog's bound is the statement
    // timeout (4 s) plus 0.25 s, checked every 0.25 s; API.md allows 5 s.
    proxy.freeze();
    const { me, elapsed } = await timedMe();
    expect(me.status).toBe(503);
    expect(me.body).toEqual(DATABASE_UNAVAILABLE);
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    expect(elapsed).toBeLessThan(5000);

    await proxy.resume();
    await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  }, 20_000);
});
