import request from 'supertest';
import { PasswordHasher } from '../src/users/password-hasher';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import { forgeToken } from './helpers/forge-token';
import {
  errorBody,
  INVALID_CREDENTIALS,
  NOT_LOGGED_IN,
} from './helpers/error-bodies';

const now = () => Math.floor(Date.now() / 1000);

describe('auth (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/login', () => {
    it('logs the first administrator in and returns a token, its expiry and the user', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
        .expect(200);
      expect(response.body).toEqual({
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresAt: expect.stringMatching(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
        ),
        user: {
          id: expect.any(Number),
          username: ADMIN_USERNAME,
          administrator: true,
          createdAt: expect.any(String),
          inviteId: null,
        },
      });
      const lifetime = Date.parse(response.body.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(23 * 3600 * 1000); // JWT_EXPIRES_IN defaults to 1d
      expect(lifetime).toBeLessThanOrEqual(24 * 3600 * 1000);
    });

    it("takes the body Zipline v3's login page sends, its two-factor code ignored", async () => {
      for (const code of [null, '123456']) {
        await request(t.http)
          .post('/api/auth/login')
          .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, code })
          .expect(200);
      }
      const wrong = await request(t.http)
        .post('/api/auth/login')
        .send({
          username: ADMIN_USERNAME,
          password: 'wrong-password',
          code: null,
        })
        .expect(401);
      expect(wrong.body).toEqual(INVALID_CREDENTIALS);
      // Any other key is still refused.
      await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD, totp: 1 })
        .expect(400);
    });

    it('matches the username regardless of letter case', async () => {
      await request(t.http)
        .post('/api/auth/login')
        .send({
          username: ADMIN_USERNAME.toUpperCase(),
          password: ADMIN_PASSWORD,
        })
        .expect(200);
    });

    it('answers the same 401 for a wrong password and for an unknown user', async () => {
      const wrongPassword = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: 'wrong-password' })
        .expect(401);
      const unknownUser = await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'nobody-by-that-name', password: ADMIN_PASSWORD })
        .expect(401);
      expect(wrongPassword.body).toEqual(INVALID_CREDENTIALS);
      expect(unknownUser.body).toEqual(wrongPassword.body);
    });

    it('answers 400 when a field is missing or not a string', async () => {
      for (const body of [
        {},
        { username: ADMIN_USERNAME },
        { username: 1, password: 'x' },
      ]) {
        const response = await request(t.http)
          .post('/api/auth/login')
          .send(body)
          .expect(400);
        expect(response.body).toEqual(
          errorBody('username and password are required', 400),
        );
      }
    });

    it('spends a password verification on unknown users too (no timing oracle)', async () => {
      const hasher = t.app.get(PasswordHasher);
      const decoy = jest.spyOn(hasher, 'verifyDecoy');
      const real = jest.spyOn(hasher, 'verify');
      try {
        await request(t.http)
          .post('/api/auth/login')
          .send({ username: 'nobody-at-all', password: 'some-password' })
          .expect(401);
        expect(decoy).toHaveBeenCalledTimes(1);
        // verifyDecoy runs a real argon2 verification against its own hash.
        expect(real).toHaveBeenCalledTimes(1);
      } finally {
        decoy.mockRestore();
        real.mockRestore();
      }
    });

    it('never returns the password hash', async () => {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
      expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);
    });
  });

  describe('GET /api/auth/me', () => {
    it('returns the logged-in user for a Bearer token', async () => {
      const { user, token } = await t.createUser();
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(response.body).toEqual({
        id: user.id,
        username: user.username,
        administrator: false,
        createdAt: user.createdAt.toISOString(),
        inviteId: null,
      });
    });

    it('accepts the bare token Zipline clients send', async () => {
      const { user, token } = await t.createUser();
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', token)
        .expect(200);
      expect(response.body.id).toBe(user.id);
    });

    it('accepts a token issued by POST /api/auth/login', async () => {
      const login = await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${login.body.token}`)
        .expect(200);
      expect(response.body.username).toBe(ADMIN_USERNAME);
    });
  });

  describe('401 not logged in', () => {
    let userId: number;

    beforeAll(async () => {
      userId = (await t.createUser()).user.id;
    });

    const cases: Array<[string, () => Record<string, string>]> = [
      ['no Authorization header', () => ({})],
      ['a garbage token', () => ({ Authorization: 'Bearer not-a-token' })],
      ['an empty Bearer', () => ({ Authorization: 'Bearer ' })],
      [
        'alg: none',
        () => {
          const header = Buffer.from(
            JSON.stringify({ alg: 'none', typ: 'JWT' }),
          ).toString('base64url');
          const body = Buffer.from(
            JSON.stringify({ sub: userId, iat: now() }),
          ).toString('base64url');
          return { Authorization: `Bearer ${header}.${body}.` };
        },
      ],
      [
        'a token signed with another secret',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now() }, { secret: 'another-secret-another-secret-12345' })}`,
        }),
      ],
      [
        'an HS512 token (only HS256 is accepted)',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now() }, { header: { alg: 'HS512', typ: 'JWT' } })}`,
        }),
      ],
      [
        'an expired token',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now() - 7200, exp: now() - 3600 })}`,
        }),
      ],
      [
        'a token without exp (every token of this service has one)',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now(), exp: undefined })}`,
        }),
      ],
      [
        'a token whose sub is not a user id',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: 'admin', iat: now() })}`,
        }),
      ],
      [
        'a token without sub',
        () => ({ Authorization: `Bearer ${forgeToken({ iat: now() })}` }),
      ],
      [
        'a token for a user id that does not exist',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: 999999, iat: now() })}`,
        }),
      ],
      [
        'an RS256 header over an HMAC signature (algorithm confusion)',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now() }, { header: { alg: 'RS256', typ: 'JWT' } })}`,
        }),
      ],
      [
        'a token not valid yet (nbf in the future)',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now(), nbf: now() + 3600 })}`,
        }),
      ],
      [
        'a fractional sub',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId + 0.5, iat: now() })}`,
        }),
      ],
      [
        'a negative sub',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: -userId, iat: now() })}`,
        }),
      ],
      [
        'an oversized token (10 kB of claims)',
        () => ({
          Authorization: `Bearer ${forgeToken({ sub: userId, iat: now(), pad: 'x'.repeat(10_000) }, { secret: 'another-secret-another-secret-12345' })}`,
        }),
      ],
    ];

    it('but not for a forged token with every claim right (the control)', async () => {
      await request(t.http)
        .get('/api/auth/me')
        .set(
          'Authorization',
          `Bearer ${forgeToken({ sub: userId, iat: now() })}`,
        )
        .expect(200);
    });

    it.each(cases)('for %s', async (_name, headers) => {
      const response = await request(t.http)
        .get('/api/auth/me')
        .set(headers())
        .expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it('for the token of a user deleted after it was issued', async () => {
      const { user, token } = await t.createUser();
      await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      await t.dataSource.query('DELETE FROM users WHERE id = $1', [user.id]);
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 431 in JSON for a header too large for the HTTP parser', async () => {
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${'x'.repeat(20_000)}`);
      expect(response.status).toBe(431);
      expect(response.body).toEqual({
        error: 'request header fields too large',
        code: 431,
      });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('for a token passed in the query string', async () => {
      const { token } = await t.createUser();
      await request(t.http).get(`/api/auth/me?token=${token}`).expect(401);
      await request(t.http)
        .get(`/api/auth/me?access_token=${token}`)
        .expect(401);
    });
  });
});
