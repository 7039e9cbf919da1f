import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';
import {
  errorBody,
  INVALID_INVITE_CODE,
  INVALID_PASSWORD,
  INVALID_USERNAME,
  REGISTRATION_DISABLED,
  USERNAME_TAKEN,
} from './helpers/error-bodies';
import { createInvites, InviteBody, inviteRow } from './helpers/invites';

const PASSWORD = 'a-good-long-password';

describe('POST /api/auth/register with invites enabled (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let counter = 0;

  const freshName = () => `newcomer${(counter += 1)}`;
  const register = (body: Record<string, unknown>) =>
    request(t.http).post('/api/auth/register').send(body);

  beforeAll(async () => {
    // Open registration is on too: with invites enabled a code is still required.
    t = await createApp({ USER_REGISTRATION_ENABLED: 'true' });
    admin = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  it('registers with a code: a logged-in, non-administrator user linked to the invite', async () => {
    const [invite] = await createInvites(t, admin);
    const username = freshName();
    const response = await register({
      username,
      password: PASSWORD,
      code: invite.code,
    }).expect(200);
    expect(response.body).toEqual({
      token: expect.any(String),
      expiresAt: expect.any(String),
      user: {
        id: expect.any(Number),
        username,
        administrator: false,
        createdAt: expect.any(String),
        inviteId: invite.id,
      },
    });
    const me = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${response.body.token}`)
      .expect(200);
    expect(me.body).toEqual(response.body.user);
    await request(t.http)
      .post('/api/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    expect(await inviteRow(t, invite.code)).toEqual({ uses: 1, max_uses: 1 });
    const listed = await request(t.http)
      .get('/api/auth/invite')
      .set('Authorization', admin);
    expect(
      (listed.body as InviteBody[]).find((i) => i.id === invite.id),
    ).toMatchObject({
      used: true,
      uses: 1,
    });
  });

  it('answers 400 invalid invite code for a missing code', async () => {
    const response = await register({
      username: freshName(),
      password: PASSWORD,
    }).expect(400);
    expect(response.body).toEqual(INVALID_INVITE_CODE);
  });

  it('answers the same 400 for unknown, expired and used-up codes, consuming nothing', async () => {
    const [expired, usedUp] = await createInvites(t, admin, { count: 2 });
    await t.dataSource.query(
      "UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1",
      [expired.id],
    );
    await register({
      username: freshName(),
      password: PASSWORD,
      code: usedUp.code,
    }).expect(200);

    for (const code of ['unknown-code', expired.code, usedUp.code, '', 42]) {
      const response = await register({
        username: freshName(),
        password: PASSWORD,
        code,
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(INVALID_INVITE_CODE);
    }
    expect(await inviteRow(t, expired.code)).toEqual({ uses: 0, max_uses: 1 });
    expect(await inviteRow(t, usedUp.code)).toEqual({ uses: 1, max_uses: 1 });
  });

  it.each([
    ['', INVALID_USERNAME],
    ['has space', INVALID_USERNAME],
    ['x'.repeat(65), INVALID_USERNAME],
    ['émile', INVALID_USERNAME],
    [123, INVALID_USERNAME],
  ])(
    'answers 400 invalid username for %j without consuming the invite',
    async (username, body) => {
      const [invite] = await createInvites(t, admin);
      const response = await register({
        username,
        password: PASSWORD,
        code: invite.code,
      }).expect(400);
      expect(response.body).toEqual(body);
      expect(await inviteRow(t, invite.code)).toEqual({ uses: 0, max_uses: 1 });
    },
  );

  it('accepts a 64-character username of every allowed character class', async () => {
    const [invite] = await createInvites(t, admin);
    const username = `Aa0._-${'z'.repeat(58)}`;
    await register({ username, password: PASSWORD, code: invite.code }).expect(
      200,
    );
  });

  it.each([['short'], ['x'.repeat(257)], [12345678]])(
    'answers 400 invalid password for %j',
    async (password) => {
      const [invite] = await createInvites(t, admin);
      const response = await register({
        username: freshName(),
        password,
        code: invite.code,
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(INVALID_PASSWORD);
      expect(await inviteRow(t, invite.code)).toEqual({ uses: 0, max_uses: 1 });
    },
  );

  it('answers 409 for a username taken in any letter case, and gives the use back', async () => {
    const [first, second] = await createInvites(t, admin, { count: 2 });
    await register({
      username: 'Taken.Name',
      password: PASSWORD,
      code: first.code,
    }).expect(200);
    const response = await register({
      username: 'taken.name',
      password: PASSWORD,
      code: second.code,
    }).expect(409);
    expect(response.body).toEqual(USERNAME_TAKEN);
    expect(await inviteRow(t, second.code)).toEqual({ uses: 0, max_uses: 1 });
  });

  it('refuses to make an administrator through the body', async () => {
    const [invite] = await createInvites(t, admin);
    const response = await register({
      username: freshName(),
      password: PASSWORD,
      code: invite.code,
      administrator: true,
    }).expect(400);
    expect(response.body).toEqual(
      errorBody('unknown field: administrator', 400),
    );
    expect(await inviteRow(t, invite.code)).toEqual({ uses: 0, max_uses: 1 });
  });

  it('lets an unlimited invite be redeemed many times', async () => {
    const [invite] = await createInvites(t, admin, { maxUses: null });
    for (let i = 0; i < 3; i += 1) {
      await register({
        username: freshName(),
        password: PASSWORD,
        code: invite.code,
      }).expect(200);
    }
    expect(await inviteRow(t, invite.code)).toEqual({
      uses: 3,
      max_uses: null,
    });
  });

  it('keeps the accounts of users whose invite is deleted, with inviteId null', async () => {
    const [invite] = await createInvites(t, admin);
    const registered = await register({
      username: freshName(),
      password: PASSWORD,
      code: invite.code,
    }).expect(200);
    await request(t.http)
      .delete(`/api/auth/invite?code=${invite.code}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const me = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${registered.body.token}`)
      .expect(200);
    expect(me.body).toMatchObject({
      id: registered.body.user.id,
      inviteId: null,
    });
  });

  describe('concurrency', () => {
    it.each([
      [1, 50],
      [5, 50],
    ])(
      'lets exactly %d of %d parallel registrations redeem an invite with that maxUses',
      async (maxUses, attempts) => {
        const [invite] = await createInvites(t, admin, { maxUses });
        const prefix = `race${maxUses}x`;
        const responses = await Promise.all(
          Array.from({ length: attempts }, (_, i) =>
            register({
              username: `${prefix}${i}`,
              password: PASSWORD,
              code: invite.code,
            }),
          ),
        );
        // Anything but a success or the one refusal shows up with its body.
        const outcomes: Record<string, number> = {};
        for (const r of responses) {
          const key =
            r.status === 200 ||
            (r.status === 400 && r.body.error === 'invalid invite code')
              ? String(r.status)
              : `${r.status} ${JSON.stringify(r.body)}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
        }
        expect(outcomes).toEqual({ '200': maxUses, '400': attempts - maxUses });
        expect(await inviteRow(t, invite.code)).toEqual({
          uses: maxUses,
          max_uses: maxUses,
        });
        const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
          'SELECT count(*) FROM users WHERE invite_id = $1',
          [invite.id],
        );
        expect(Number(count)).toBe(maxUses);
      },
    );
  });
});

describe('POST /api/auth/register with invites disabled (e2e)', () => {
  it('is open without a code when USER_REGISTRATION_ENABLED=true, ignoring any code', async () => {
    const t = await createApp({
      INVITES_ENABLED: 'false',
      USER_REGISTRATION_ENABLED: 'true',
    });
    try {
      const response = await request(t.http)
        .post('/api/auth/register')
        .send({ username: 'opendoor', password: PASSWORD, code: 'whatever' })
        .expect(200);
      expect(response.body.user).toMatchObject({
        username: 'opendoor',
        inviteId: null,
        administrator: false,
      });
      // Ignored whatever its type: a number or an object is no error here.
      for (const [username, code] of [
        ['numbered', 5],
        ['objected', { a: 1 }],
      ] as const) {
        const other = await request(t.http)
          .post('/api/auth/register')
          .send({ username, password: PASSWORD, code });
        expect([username, other.status]).toEqual([username, 200]);
      }
    } finally {
      await t.close();
    }
  });

  it('answers 400 registration is disabled when open registration is off too', async () => {
    const t = await createApp({ INVITES_ENABLED: 'false' });
    try {
      const response = await request(t.http)
        .post('/api/auth/register')
        .send({ username: 'nope', password: PASSWORD })
        .expect(400);
      expect(response.body).toEqual(REGISTRATION_DISABLED);
      const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
        'SELECT count(*) FROM users',
      );
      expect(Number(count)).toBe(1); // only the first administrator
    } finally {
      await t.close();
    }
  });
});
