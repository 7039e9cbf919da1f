import request from 'supertest';
import { CapturingLogger } from './helpers/capturing-logger';
import { createApp, TestApp } from './helpers/create-app';

const FORWARDED_WARNING = /X-Forwarded-For but TRUST_PROXY is off/;

describe('client IP and start-up warnings (e2e)', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
  });

  async function start(env: Record<string, string>) {
    const logger = new CapturingLogger();
    const t = await createApp(env, { logger });
    apps.push(t);
    const matching = (pattern: RegExp) =>
      logger.lines.filter((line) => pattern.test(line));
    return { t, matching };
  }

  it('warns once when X-Forwarded-For arrives while TRUST_PROXY is off, and keeps using the peer address', async () => {
    const { t, matching } = await start({ RATE_LIMIT_AUTH: '2' });
    await request(t.http).get('/api/health').expect(200);
    expect(matching(FORWARDED_WARNING)).toHaveLength(0);

    // A forged header does not buy a fresh budget: the third login is refused.
    for (const [i, status] of [401, 401, 429].entries()) {
      await request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', `198.51.100.${i}`)
        .send({ username: 'nobody', password: 'wrong-password' })
        .expect(status);
    }
    await request(t.http)
      .get('/api/health')
      .set('X-Forwarded-For', '198.51.100.9')
      .expect(200);
    const warnings = matching(FORWARDED_WARNING);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warn /);
  });

  it('does not warn about X-Forwarded-For when TRUST_PROXY names the proxies', async () => {
    const { t, matching } = await start({ TRUST_PROXY: '1' });
    await request(t.http)
      .get('/api/health')
      .set('X-Forwarded-For', '198.51.100.7')
      .expect(200);
    expect(matching(FORWARDED_WARNING)).toHaveLength(0);
  });

  it('with TRUST_PROXY a hop count, counts each client the proxy names on its own', async () => {
    const { t } = await start({ TRUST_PROXY: '1', RATE_LIMIT_AUTH: '1' });
    const login = (clientIp: string) =>
      request(t.http)
        .post('/api/auth/login')
        .set('X-Forwarded-For', clientIp)
        .send({ username: 'nobody', password: 'wrong-password' });
    await login('198.51.100.1').expect(401);
    // Another client behind the same proxy has a budget of its own.
    await login('198.51.100.2').expect(401);
    await login('198.51.100.1').expect(429);
  });

  it('warns at start-up that INVITES_LENGTH below 10 makes codes guessable, and not at the default', async () => {
    const short = await start({ INVITES_LENGTH: '8' });
    expect(
      short.matching(/INVITES_LENGTH=8 makes invite codes guessable/),
    ).toHaveLength(1);
    const standard = await start({});
    expect(standard.matching(/INVITES_LENGTH/)).toHaveLength(0);
  });
});
