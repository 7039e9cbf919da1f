import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { poolOf } from '../src/database/pg-internals';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
  TEST_JWT_SECRET,
} from './helpers/create-app';
import {
  INVALID_CREDENTIALS,
  NOT_AN_ADMINISTRATOR,
  NOT_LOGGED_IN,
} from './helpers/error-bodies';
import { forgeToken } from './helpers/forge-token';
import { runEntryPoint } from './helpers/run-entry-point';

const now = () => Math.floor(Date.now() / 1000);

/** A token with exactly these claims (JSON drops the undefined ones). */
const sign = (claims: Record<string, unknown>) =>
  forgeToken({ iss: undefined, aud: undefined, ver: undefined, ...claims });

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString(),
  ) as Record<string, unknown>;
}

describe('sessions end when they should (e2e)', () => {
  let t: TestApp;
  let dataDir: string;

  /** The real operator CLI on this app's database. */
  function cli(args: string[], input?: string) {
    return runEntryPoint(
      'src/cli/main.ts',
      args,
      {
        NODE_ENV: 'test',
        DATABASE_URL: t.databaseUrl,
        DATA_DIR: dataDir,
        JWT_SECRET: TEST_JWT_SECRET,
      },
      input,
    );
  }

  const me = (token: string) =>
    request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const login = (username: string, password: string) =>
    request(t.http).post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await createApp();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-revocation-'));
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('issuer and audience', () => {
    it('signs tokens with iss and aud = JWT_ISSUER (default invite-service) and the token version', async () => {
      const { body } = await login(ADMIN_USERNAME, ADMIN_PASSWORD).expect(200);
      expect(claimsOf(body.token as string)).toMatchObject({
        iss: 'invite-service',
        aud: 'invite-service',
        ver: 0,
      });
    });

    it.each([
      ['without iss and aud', {}],
      ['without aud', { iss: 'invite-service' }],
      ['without iss', { aud: 'invite-service' }],
      ['from another issuer', { iss: 'other', aud: 'invite-service' }],
      ['for another audience', { iss: 'invite-service', aud: 'other' }],
    ])('refuses a token %s', async (_name, claims) => {
      const { user } = await t.createUser();
      const base = { sub: user.id, ver: 0, iat: now(), exp: now() + 600 };
      // The same claims with ours are accepted: only iss/aud differ.
      await me(
        sign({ ...base, iss: 'invite-service', aud: 'invite-service' }),
      ).expect(200);
      const response = await me(sign({ ...base, ...claims })).expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it('refuses a token without a version claim', async () => {
      const { user } = await t.createUser();
      await me(
        sign({
          sub: user.id,
          iat: now(),
          iss: 'invite-service',
          aud: 'invite-service',
        }),
      ).expect(401);
    });

    it.each([
      ['negative', -1],
      ['beyond the int4 range', 2 ** 31],
      ['not an integer', 0.5],
      ['a string', '0'],
    ])('refuses a token whose version is %s with 401', async (_name, ver) => {
      const { user } = await t.createUser();
      const claims = {
        sub: user.id,
        iat: now(),
        exp: now() + 600,
        iss: 'invite-service',
        aud: 'invite-service',
      };
      await me(sign({ ...claims, ver: 0 })).expect(200);
      const response = await me(sign({ ...claims, ver })).expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('answers 204 and ends every session of the user, not only the one used', async () => {
      const { user, password } = await t.createUser();
      const first = (await login(user.username, password).expect(200)).body
        .token as string;
      const second = (await login(user.username, password).expect(200)).body
        .token as string;
      await me(first).expect(200);

      const response = await request(t.http)
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${first}`)
        .expect(204);
      expect(response.text).toBe('');

      for (const token of [first, second]) {
        expect((await me(token).expect(401)).body).toEqual(NOT_LOGGED_IN);
      }
      const again = (await login(user.username, password).expect(200)).body
        .token as string;
      await me(again).expect(200);
    });

    it('answers 401 not logged in without a token', async () => {
      const response = await request(t.http)
        .post('/api/auth/logout')
        .expect(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it("does not touch other users' sessions", async () => {
      const a = await t.createUser();
      const b = await t.createUser();
      await request(t.http)
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.token}`)
        .expect(204);
      await me(b.token).expect(200);
    });
  });

  it('checks the token version in the one statement that loads the user (no extra query)', async () => {
    const { token } = await t.createUser();
    await me(token).expect(200); // warm
    const pool = poolOf(t.dataSource) as unknown as {
      query: (config: string | { text: string }, ...rest: unknown[]) => unknown;
    };
    const original = pool.query;
    const statements: string[] = [];
    pool.query = function (this: unknown, config, ...rest) {
      statements.push(typeof config === 'string' ? config : config.text);
      return original.call(this, config, ...rest);
    };
    try {
      await me(token).expect(200);
    } finally {
      pool.query = original;
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(
      /FROM users\s+WHERE .*token_version = \$2 AND disabled_at IS NULL/,
    );
  });

  describe('operator changes (real CLI)', () => {
    it('set-password ends the sessions opened with the old password', async () => {
      const { user, token } = await t.createUser();
      await me(token).expect(200);
      const result = cli(
        ['set-password', user.username, '--password-stdin'],
        'a-brand-new-password\n',
      );
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(
        `Changed the password of "${user.username}".`,
      );
      expect(result.stderr).toContain(
        `changed the password of "${user.username}"`,
      );
      expect(result.stderr).not.toContain('a-brand-new-password');
      expect((await me(token).expect(401)).body).toEqual(NOT_LOGGED_IN);
      await login(user.username, 'a-brand-new-password').expect(200);
    });

    it('disable-user refuses logins and tokens; enable-user lets the user back in', async () => {
      const { user, token, password } = await t.createUser();
      await me(token).expect(200);

      const disabled = cli(['disable-user', user.username]);
      expect(disabled.status).toBe(0);
      expect(disabled.stderr).toMatch(/LOG \[Cli\] .*: disabled "/);
      expect((await me(token).expect(401)).body).toEqual(NOT_LOGGED_IN);
      // A disabled account answers like a wrong password: nothing to learn.
      expect((await login(user.username, password).expect(401)).body).toEqual(
        INVALID_CREDENTIALS,
      );

      expect(cli(['enable-user', user.username]).status).toBe(0);
      // The old token stays dead; a new login works.
      await me(token).expect(401);
      const { body } = await login(user.username, password).expect(200);
      await me(body.token as string).expect(200);
    });

    it('revoke-admin ends the sessions; the user logs in again as non-administrator', async () => {
      const { user, token, password } = await t.createUser({
        administrator: true,
      });
      await request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);

      expect(cli(['revoke-admin', user.username]).status).toBe(0);
      expect((await me(token).expect(401)).body).toEqual(NOT_LOGGED_IN);

      const { body } = await login(user.username, password).expect(200);
      expect(body.user.administrator).toBe(false);
      const refused = await request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${body.token}`)
        .expect(403);
      expect(refused.body).toEqual(NOT_AN_ADMINISTRATOR);
    });

    it('delete-user ends the sessions and removes the account', async () => {
      const { user, token, password } = await t.createUser();
      const deleted = cli(['delete-user', user.username]);
      expect(deleted.status).toBe(0);
      expect(deleted.stdout.trim()).toBe(`Deleted "${user.username}".`);
      await me(token).expect(401);
      await login(user.username, password).expect(401);
    });

    it('refuses to disable, delete or demote the last enabled administrator', async () => {
      // Other administrators created above were demoted or are disabled.
      const { rows } = await poolOf(t.dataSource).query<{ username: string }>(
        'SELECT username FROM users WHERE administrator AND disabled_at IS NULL',
      );
      for (const { username } of rows) {
        if (username !== ADMIN_USERNAME) cli(['revoke-admin', username]);
      }
      for (const command of ['disable-user', 'delete-user', 'revoke-admin']) {
        const result = cli([command, ADMIN_USERNAME]);
        expect(result.status).toBe(1);
        expect(result.stderr.trim()).toMatch(
          /^error: refusing to (disable|delete|demote) "admin": it is the last enabled administrator/,
        );
      }
      const token = await t.adminToken();
      await me(token).expect(200);

      // With a second enabled administrator, the first may go.
      const second = await t.createUser({ administrator: true });
      expect(cli(['revoke-admin', ADMIN_USERNAME]).status).toBe(0);
      // And now the second is the last one.
      expect(cli(['disable-user', second.user.username]).status).toBe(1);
    });
  });

  // Last: passport keeps one global "jwt" strategy, so the newest app's
  // strategy (this one's) would serve `t` too from here on.
  it('uses JWT_ISSUER for iss and aud, and refuses tokens of the default issuer', async () => {
    const other = await createApp({ JWT_ISSUER: 'staging-invites' });
    try {
      const token = await other.adminToken();
      expect(claimsOf(token)).toMatchObject({
        iss: 'staging-invites',
        aud: 'staging-invites',
      });
      const get = (bearer: string) =>
        request(other.http)
          .get('/api/auth/me')
          .set('Authorization', `Bearer ${bearer}`);
      await get(token).expect(200);
      const base = { sub: 1, ver: 0, iat: now(), exp: now() + 600 };
      await get(
        sign({ ...base, iss: 'invite-service', aud: 'invite-service' }),
      ).expect(401);
    } finally {
      await other.close();
    }
  });
});
