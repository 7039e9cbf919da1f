import { readFileSync } from 'node:fs';
import request from 'supertest';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import {
  DATABASE_UNAVAILABLE,
  INVALID_COUNT,
  INVALID_CREDENTIALS,
  INVALID_INVITE_CODE,
  INVALID_JSON_BODY,
  INVALID_PASSWORD,
  INVALID_QUERY,
  INVITE_NOT_FOUND,
  INVITES_DISABLED,
  NO_CODE,
  NOT_AN_ADMINISTRATOR,
  NOT_LOGGED_IN,
  PAYLOAD_TOO_LARGE,
  REGISTRATION_DISABLED,
  TOO_MANY_REQUESTS,
  USERNAME_TAKEN,
  errorBody,
} from './helpers/error-bodies';
import {
  contractViolations,
  exchangeOf,
  expectToMatchContract,
  OPENAPI_FILE,
} from './helpers/openapi-contract';
import { TcpProxy } from './helpers/tcp-proxy';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

/**
 * Every route's success and main error responses, checked against the
 * committed openapi.json: the document promises what the service sends.
 */
describe('OpenAPI contract (e2e)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let directUrl: string;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    // Through a proxy the last test cuts, to see the 503s for real.
    directUrl = await createTestDatabase();
    proxy = await TcpProxy.inFrontOf(directUrl);
    t = await createApp({ DATABASE_URL: proxy.wrap(directUrl) });
    admin = await t.adminToken();
    user = (await t.createUser()).token;
  });

  afterAll(async () => {
    await proxy.resume();
    await t.close();
    await proxy.cut();
    await dropTestDatabase(directUrl);
  });

  const asAdmin = (test: request.Test) =>
    test.set('Authorization', `Bearer ${admin}`);

  it('serves the committed openapi.json at /api/docs-json, key for key', async () => {
    const committed: unknown = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    const response = await request(t.http).get('/api/docs-json').expect(200);
    expect(response.body).toStrictEqual(committed);
    // The same order too: the file is what a client downloads.
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(committed));
  });

  describe('the validator', () => {
    it('refuses bodies, statuses and routes the document does not allow', async () => {
      const login = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
        .expect(200);
      const exchange = exchangeOf(login);
      expect(contractViolations(exchange)).toEqual([]);

      const withoutToken = { ...login.body };
      delete withoutToken.token;
      expect(
        contractViolations({ ...exchange, body: withoutToken }),
      ).toContainEqual(
        expect.stringContaining("must have required property 'token'"),
      );
      expect(
        contractViolations({
          ...exchange,
          body: { ...login.body, user: { ...login.body.user, id: '1' } },
        }),
      ).toContainEqual(expect.stringContaining('/user/id must be integer'));
      expect(
        contractViolations({
          ...exchange,
          body: {
            ...login.body,
            user: { ...login.body.user, passwordHash: '$argon2id$…' },
          },
        }),
      ).toContainEqual(expect.stringContaining('(passwordHash)'));
      expect(
        contractViolations({
          ...exchange,
          body: { ...login.body, expiresAt: 'tomorrow' },
        }),
      ).toContainEqual(
        expect.stringContaining('must match format "date-time"'),
      );
      expect(
        contractViolations({
          ...exchange,
          status: 401,
          body: { error: 'invalid username or password', code: '401' },
        }),
      ).toContainEqual(expect.stringContaining('/code must be integer'));
      expect(
        contractViolations({ ...exchange, status: 201, body: login.body }),
      ).toContainEqual(expect.stringContaining('201 is not documented'));
      expect(
        contractViolations({ ...exchange, contentType: 'text/html' }),
      ).toContainEqual(expect.stringContaining('content type text/html'));
      expect(contractViolations({ ...exchange, method: 'PUT' })).toContainEqual(
        expect.stringContaining('no PUT /api/auth/login'),
      );
      expect(
        contractViolations({ ...exchange, path: '/api/auth/whoami' }),
      ).toContainEqual(expect.stringContaining('no path /api/auth/whoami'));
    });

    it('knows a nullable field from a wrongly typed one', () => {
      const invite = {
        id: 35,
        code: 'ix8iFD',
        createdAt: '2022-11-11T03:34:25.532Z',
        expiresAt: null,
        used: false,
        createdById: 1,
        uses: 0,
        maxUses: null,
        note: null,
        revokedAt: null,
        lastUsedAt: null,
        valid: true,
        url: 'http://localhost:3000/invite/ix8iFD',
      };
      const exchange = {
        method: 'GET',
        path: '/api/auth/invite',
        status: 200,
        body: [invite],
      };
      expect(contractViolations(exchange)).toEqual([]);
      expect(
        contractViolations({
          ...exchange,
          body: [{ ...invite, maxUses: '1' }],
        }),
      ).toContainEqual(
        expect.stringContaining('/0/maxUses must be integer,null'),
      );
      expect(contractViolations({ ...exchange, body: invite })).toContainEqual(
        expect.stringContaining('must be array'),
      );
    });
  });

  describe('GET /api/health', () => {
    it('200 while the database answers', async () => {
      const response = await request(t.http).get('/api/health').expect(200);
      expect(response.body.status).toBe('ok');
      expectToMatchContract(response);
    });
  });

  describe('POST /api/auth/login', () => {
    it('200 with a session', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
        .expect(200);
      expectToMatchContract(response);
    });

    it('401 invalid username or password', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: 'wrong-password' })
        .expect(401);
      expect(response.body).toEqual(INVALID_CREDENTIALS);
      expectToMatchContract(response);
    });

    it('400 username and password are required, with details', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME })
        .expect(400);
      expect(response.body).toEqual(
        errorBody('username and password are required', 400),
      );
      expectToMatchContract(response);
    });

    it('400 invalid json body', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":')
        .expect(400);
      expect(response.body).toEqual(INVALID_JSON_BODY);
      expectToMatchContract(response);
    });

    it('413 payload too large', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'x'.repeat(200 * 1024), password: 'y' })
        .expect(413);
      expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
      expectToMatchContract(response);
    });

    it('415 unsupported charset', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json; charset=latin1')
        .send('{}')
        .expect(415);
      expectToMatchContract(response);
    });
  });

  describe('GET /api/auth/me', () => {
    it('200 with the user', async () => {
      const response = await asAdmin(
        request(t.http).get('/api/auth/me'),
      ).expect(200);
      expectToMatchContract(response);
    });

    it('401 not logged in', async () => {
      const response = await request(t.http).get('/api/auth/me').expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
      expectToMatchContract(response);
    });
  });

  describe('/api/auth/invite', () => {
    it('POST 200 with one invite, then with a batch', async () => {
      const one = await asAdmin(
        request(t.http).post('/api/auth/invite').send({ expiresAt: '1d' }),
      ).expect(200);
      expect(Array.isArray(one.body)).toBe(false);
      expectToMatchContract(one);

      const batch = await asAdmin(
        request(t.http)
          .post('/api/auth/invite')
          .send({ count: 3, maxUses: null }),
      ).expect(200);
      expect(batch.body).toHaveLength(3);
      expectToMatchContract(batch);
    });

    it('POST 200 without a body', async () => {
      const response = await asAdmin(
        request(t.http).post('/api/auth/invite'),
      ).expect(200);
      expectToMatchContract(response);
    });

    it('POST 400 invalid count', async () => {
      const response = await asAdmin(
        request(t.http).post('/api/auth/invite').send({ count: 2.5 }),
      ).expect(400);
      expect(response.body).toEqual(INVALID_COUNT);
      expectToMatchContract(response);
    });

    it('GET 200 with the invites and 400 invalid query', async () => {
      const list = await asAdmin(
        request(t.http).get('/api/auth/invite?limit=2'),
      ).expect(200);
      expect(list.headers.link).toContain('rel="next"');
      expectToMatchContract(list);

      const bad = await asAdmin(
        request(t.http).get('/api/auth/invite?limit=0'),
      ).expect(400);
      expect(bad.body).toEqual(INVALID_QUERY);
      expectToMatchContract(bad);
    });

    it.each([
      ['GET', () => request(t.http).get('/api/auth/invite')],
      ['POST', () => request(t.http).post('/api/auth/invite').send({})],
      ['DELETE', () => request(t.http).delete('/api/auth/invite?code=x')],
    ])('%s 401 not logged in, 403 not an administrator', async (_, send) => {
      const anonymous = await send().expect(401);
      expect(anonymous.body).toEqual(NOT_LOGGED_IN);
      expectToMatchContract(anonymous);

      const forbidden = await send()
        .set('Authorization', `Bearer ${user}`)
        .expect(403);
      expect(forbidden.body).toEqual(NOT_AN_ADMINISTRATOR);
      expectToMatchContract(forbidden);
    });

    it('DELETE 200 with the invite, 404 invite not found, 400 no code', async () => {
      const created = await asAdmin(
        request(t.http).post('/api/auth/invite'),
      ).expect(200);
      const deleted = await asAdmin(
        request(t.http).delete(`/api/auth/invite?code=${created.body.code}`),
      ).expect(200);
      expectToMatchContract(deleted);

      const missing = await asAdmin(
        request(t.http).delete(`/api/auth/invite?code=${created.body.code}`),
      ).expect(404);
      expect(missing.body).toEqual(INVITE_NOT_FOUND);
      expectToMatchContract(missing);

      const noCode = await asAdmin(
        request(t.http).delete('/api/auth/invite'),
      ).expect(400);
      expect(noCode.body).toEqual(NO_CODE);
      expectToMatchContract(noCode);
    });
  });

  describe('/api/auth/invite/:id', () => {
    const invite = async (body: object = {}) =>
      (
        await asAdmin(
          request(t.http).post('/api/auth/invite').send(body),
        ).expect(200)
      ).body as { id: number; code: string };

    it.each([
      ['GET', (id: string) => request(t.http).get(`/api/auth/invite/${id}`)],
      [
        'PATCH',
        (id: string) =>
          request(t.http).patch(`/api/auth/invite/${id}`).send({ note: 'x' }),
      ],
      [
        'DELETE',
        (id: string) => request(t.http).delete(`/api/auth/invite/${id}`),
      ],
      [
        'POST revoke',
        (id: string) => request(t.http).post(`/api/auth/invite/${id}/revoke`),
      ],
      [
        'POST unrevoke',
        (id: string) => request(t.http).post(`/api/auth/invite/${id}/unrevoke`),
      ],
      [
        'GET users',
        (id: string) => request(t.http).get(`/api/auth/invite/${id}/users`),
      ],
    ])('%s 200, 401, 403 and 404 invite not found', async (_, send) => {
      const { id } = await invite();
      const ok = await asAdmin(send(String(id))).expect(200);
      expectToMatchContract(ok);

      const anonymous = await send(String(id)).expect(401);
      expect(anonymous.body).toEqual(NOT_LOGGED_IN);
      expectToMatchContract(anonymous);

      const forbidden = await send(String(id))
        .set('Authorization', `Bearer ${user}`)
        .expect(403);
      expect(forbidden.body).toEqual(NOT_AN_ADMINISTRATOR);
      expectToMatchContract(forbidden);

      for (const unknown of ['2147483647', 'abc']) {
        const missing = await asAdmin(send(unknown)).expect(404);
        expect(missing.body).toEqual(INVITE_NOT_FOUND);
        expectToMatchContract(missing);
      }
    });

    it.each([
      [{ expiresAt: 'soon' }, 'invalid date'],
      [{ maxUses: 0 }, 'invalid maxUses'],
      [{ note: 1 }, 'invalid note'],
      [{ code: 'x' }, 'unknown field: code'],
    ])('PATCH %j 400 %s', async (body, error) => {
      const { id } = await invite();
      const response = await asAdmin(
        request(t.http).patch(`/api/auth/invite/${id}`).send(body),
      ).expect(400);
      expect(response.body).toEqual(errorBody(error, 400));
      expectToMatchContract(response);
    });

    it('GET users 200 with a Link header, 400 invalid query', async () => {
      const { id, code } = await invite({ maxUses: 2 });
      for (const username of ['contract1', 'contract2']) {
        await request(t.http)
          .post('/api/auth/register')
          .send({ username, password: 'password-for-contract', code })
          .expect(200);
      }
      const page = await asAdmin(
        request(t.http).get(`/api/auth/invite/${id}/users?limit=1`),
      ).expect(200);
      expect(page.headers.link).toContain('rel="next"');
      expectToMatchContract(page);

      const bad = await asAdmin(
        request(t.http).get(`/api/auth/invite/${id}/users?cursor=x`),
      ).expect(400);
      expect(bad.body).toEqual(INVALID_QUERY);
      expectToMatchContract(bad);
    });
  });

  describe('GET /api/auth/register/invite', () => {
    it('200 for a redeemable code, 404 invalid invite code, 400 no code', async () => {
      const created = await asAdmin(
        request(t.http).post('/api/auth/invite'),
      ).expect(200);
      const found = await request(t.http)
        .get(`/api/auth/register/invite?code=${created.body.code}`)
        .expect(200);
      expectToMatchContract(found);

      const unknown = await request(t.http)
        .get('/api/auth/register/invite?code=nosuchcode')
        .expect(404);
      expect(unknown.body).toEqual(errorBody('invalid invite code', 404));
      expectToMatchContract(unknown);

      const noCode = await request(t.http)
        .get('/api/auth/register/invite')
        .expect(400);
      expect(noCode.body).toEqual(NO_CODE);
      expectToMatchContract(noCode);
    });
  });

  it('GET /api/health 431 for a header too large', async () => {
    const response = await request(t.http)
      .get('/api/health')
      .set('X-Padding', 'x'.repeat(20_000));
    expect(response.status).toBe(431);
    expectToMatchContract(response);
  });

  describe('POST /api/auth/register', () => {
    it('200 with a session, 409 for a taken username, 400s for bad input', async () => {
      const invites = await asAdmin(
        request(t.http).post('/api/auth/invite').send({ count: 2 }),
      ).expect(200);
      const [first, second] = invites.body as { code: string }[];

      const registered = await request(t.http)
        .post('/api/auth/register')
        .send({
          username: 'contract',
          password: 'password-1',
          code: first.code,
        })
        .expect(200);
      expect(registered.body.user.administrator).toBe(false);
      expectToMatchContract(registered);

      const taken = await request(t.http)
        .post('/api/auth/register')
        .send({
          username: 'Contract',
          password: 'password-1',
          code: second.code,
        })
        .expect(409);
      expect(taken.body).toEqual(USERNAME_TAKEN);
      expectToMatchContract(taken);

      const usedUp = await request(t.http)
        .post('/api/auth/register')
        .send({ username: 'other', password: 'password-1', code: first.code })
        .expect(400);
      expect(usedUp.body).toEqual(INVALID_INVITE_CODE);
      expectToMatchContract(usedUp);

      const shortPassword = await request(t.http)
        .post('/api/auth/register')
        .send({ username: 'other', password: 'short', code: second.code })
        .expect(400);
      expect(shortPassword.body).toEqual(INVALID_PASSWORD);
      expectToMatchContract(shortPassword);

      const unknownField = await request(t.http)
        .post('/api/auth/register')
        .send({
          username: 'other',
          password: 'password-1',
          code: second.code,
          administrator: true,
        })
        .expect(400);
      expect(unknownField.body).toEqual(
        errorBody('unknown field: administrator', 400),
      );
      expectToMatchContract(unknownField);
    });
  });

  // Last: the database goes away for good.
  it('503 database unavailable on health and authenticated routes', async () => {
    await proxy.cut();

    const health = await request(t.http).get('/api/health').expect(503);
    expect(health.body).toEqual(DATABASE_UNAVAILABLE);
    expectToMatchContract(health);

    const me = await asAdmin(request(t.http).get('/api/auth/me')).expect(503);
    expect(me.body).toEqual(DATABASE_UNAVAILABLE);
    expectToMatchContract(me);
  });
});

describe('OpenAPI contract with invites disabled and a rate limit (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp({ INVITES_ENABLED: 'false', RATE_LIMIT_AUTH: '1' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('GET /api/auth/invite 400 invites are disabled', async () => {
    const response = await request(t.http)
      .get('/api/auth/invite')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .expect(400);
    expect(response.body).toEqual(INVITES_DISABLED);
    expectToMatchContract(response);
  });

  it('POST /api/auth/register 400 registration is disabled, then POST /api/auth/login 429', async () => {
    // One request a minute for login and register together.
    const register = await request(t.http)
      .post('/api/auth/register')
      .send({ username: 'someone', password: 'password-1' })
      .expect(400);
    expect(register.body).toEqual(REGISTRATION_DISABLED);
    expectToMatchContract(register);

    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
      .expect(429);
    expect(login.body).toEqual(TOO_MANY_REQUESTS);
    expect(login.headers['retry-after']).toMatch(/^\d+$/);
    expectToMatchContract(login);

    // The public lookup shares that budget.
    const lookup = await request(t.http)
      .get('/api/auth/register/invite?code=x')
      .expect(429);
    expect(lookup.body).toEqual(TOO_MANY_REQUESTS);
    expectToMatchContract(lookup);
  });

  it('GET /api/auth/invite/:id 400 invites are disabled', async () => {
    const response = await request(t.http)
      .get('/api/auth/invite/1')
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .expect(400);
    expect(response.body).toEqual(INVITES_DISABLED);
    expectToMatchContract(response);
  });
});
