import { createHmac } from 'node:crypto';
import request from 'supertest';
import { createApp, TestApp, TEST_JWT_SECRET } from './helpers/create-app';
import {
  errorBody,
  INVALID_INVITE_CODE,
  INVALID_JSON_BODY,
  INVITE_NOT_FOUND,
  INVALID_CREDENTIALS,
  NOT_LOGGED_IN,
} from './helpers/error-bodies';
import { countInvites, createInvites } from './helpers/invites';

/** Regressions for what the fuzz suite found: each once answered 500 or slipped through. */
describe('input edge cases (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createApp();
    admin = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(['gzip', 'deflate', 'br'])(
    'answers 400 invalid json body for a Content-Encoding: %s body that does not inflate',
    async (encoding) => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send('not compressed at all');
      expect(response.status).toBe(400);
      expect(response.body).toEqual(INVALID_JSON_BODY);
    },
  );

  it('checks the token before a body that does not inflate, as before any body that is not JSON', async () => {
    const send = (token?: string) => {
      const post = request(t.http)
        .post('/api/auth/invite')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip');
      if (token) void post.set('Authorization', `Bearer ${token}`);
      return post.send('not compressed at all');
    };
    const anonymous = await send();
    expect([anonymous.status, anonymous.body]).toEqual([401, NOT_LOGGED_IN]);
    const administrator = await send(admin);
    expect([administrator.status, administrator.body]).toEqual([
      400,
      INVALID_JSON_BODY,
    ]);
  });

  it('treats a NUL character in looked-up values as a non-match', async () => {
    const login = await request(t.http)
      .post('/api/auth/login')
      .send({ username: 'adm\u0000in', password: 'whatever-password' });
    expect(login.status).toBe(401);
    expect(login.body).toEqual(INVALID_CREDENTIALS);

    const register = await request(t.http).post('/api/auth/register').send({
      username: 'nul',
      password: 'long-enough-password',
      code: 'abc\u0000',
    });
    expect(register.status).toBe(400);
    expect(register.body).toEqual(INVALID_INVITE_CODE);

    const deleted = await request(t.http)
      .delete('/api/auth/invite?code=a%00b')
      .set('Authorization', `Bearer ${admin}`);
    expect(deleted.status).toBe(404);
    expect(deleted.body).toEqual(INVITE_NOT_FOUND);
  });

  it('answers 401 for a correctly signed token whose sub exceeds the id column', async () => {
    const encode = (value: unknown) =>
      Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 2147483648, iat: Math.floor(Date.now() / 1000) })}`;
    const signature = createHmac('sha256', TEST_JWT_SECRET)
      .update(unsigned)
      .digest('base64url');
    const response = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${unsigned}.${signature}`);
    expect(response.status).toBe(401);
    expect(response.body).toEqual(NOT_LOGGED_IN);
  });

  it('answers 400 for a body nested deeper than any this API takes', async () => {
    const deep = `{"username":"a","password":"b","x":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    const response = await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      expect.objectContaining({
        error: 'request body nested too deeply',
        code: 400,
      }),
    );
  });

  it.each([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
  ])(
    'refuses the key %s as an unknown field, creating nothing',
    async (key) => {
      const before = await countInvites(t);
      const response = await request(t.http)
        .post('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send(`{"${key}": 1}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorBody(`unknown field: ${key}`, 400));
      expect(await countInvites(t)).toBe(before);

      const [invite] = await createInvites(t, admin);
      const register = await request(t.http)
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send(
          `{"username":"proto${key.replace(/_/g, '')}","password":"long-enough-password","code":"${invite.code}","${key}":""}`,
        );
      expect(register.status).toBe(400);
      expect(register.body).toEqual(errorBody(`unknown field: ${key}`, 400));
    },
  );
});
