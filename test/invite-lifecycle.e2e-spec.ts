import { Client } from 'pg';
import request from 'supertest';
import type { components } from './generated/openapi';
import { createApp, TestApp } from './helpers/create-app';
import {
  errorBody,
  INVALID_DATE,
  INVALID_INVITE_CODE,
  INVALID_MAX_USES,
  INVALID_NOTE,
  INVALID_QUERY,
  INVITE_NOT_FOUND,
  INVITES_DISABLED,
  LOOKUP_INVALID_CODE,
  METHOD_NOT_ALLOWED,
  NO_CODE,
  NOT_AN_ADMINISTRATOR,
  NOT_LOGGED_IN,
  TOO_MANY_REQUESTS,
} from './helpers/error-bodies';
import {
  createInvites,
  INVITE_KEYS,
  InviteBody,
  userIdOf,
  inviteRow,
} from './helpers/invites';

const PASSWORD = 'a-good-long-password';

type UserBody = components['schemas']['UserResponse'];
const PUBLIC_URL = 'https://invites.example.com';

type Send = (agent: request.Agent, id: number | string) => request.Test;

/** Every route of one invite, with a request that would succeed for an existing id. */
const ROUTES_BY_ID: Array<[string, Send]> = [
  ['GET /:id', (r, id) => r.get(`/api/auth/invite/${id}`)],
  ['PATCH /:id', (r, id) => r.patch(`/api/auth/invite/${id}`).send({})],
  ['DELETE /:id', (r, id) => r.delete(`/api/auth/invite/${id}`)],
  ['POST /:id/revoke', (r, id) => r.post(`/api/auth/invite/${id}/revoke`)],
  ['POST /:id/unrevoke', (r, id) => r.post(`/api/auth/invite/${id}/unrevoke`)],
  ['GET /:id/users', (r, id) => r.get(`/api/auth/invite/${id}/users`)],
];

describe('invite lifecycle (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  let userToken: string;
  let counter = 0;

  beforeAll(async () => {
    // With a trailing slash, which the links must not double.
    t = await createApp({ PUBLIC_URL: `${PUBLIC_URL}/` });
    admin = await t.adminToken();
    adminId = await userIdOf(t, admin);
    userToken = (await t.createUser()).token;
  });

  afterAll(async () => {
    await t.close();
  });

  const asAdmin = () =>
    request.agent(t.http).set('Authorization', `Bearer ${admin}`);
  const one = async (body: Record<string, unknown> = {}) =>
    (await createInvites(t, admin, body))[0];
  const register = (code: string, username = `member${(counter += 1)}`) =>
    request(t.http)
      .post('/api/auth/register')
      .send({ username, password: PASSWORD, code });
  const lookup = (code: string) =>
    request(t.http).get(
      `/api/auth/register/invite?code=${encodeURIComponent(code)}`,
    );
  const patch = (id: number, body: unknown) =>
    asAdmin()
      .patch(`/api/auth/invite/${id}`)
      .send(body as object);
  const list = async (query: string) =>
    (await asAdmin().get(`/api/auth/invite?${query}`).expect(200))
      .body as InviteBody[];

  describe.each(ROUTES_BY_ID)('%s access', (_route, send) => {
    it('answers 401 not logged in without a token', async () => {
      const invite = await one();
      const response = await send(request.agent(t.http), invite.id);
      expect(response.status).toBe(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 not an administrator for a regular user', async () => {
      const invite = await one();
      const response = await send(
        request.agent(t.http).set('Authorization', `Bearer ${userToken}`),
        invite.id,
      );
      expect(response.status).toBe(403);
      expect(response.body).toEqual(NOT_AN_ADMINISTRATOR);
    });

    it('answers 200 to an administrator', async () => {
      const invite = await one();
      const response = await send(asAdmin(), invite.id);
      expect(response.status).toBe(200);
    });

    it.each(['999999', 'abc', '1.5', '0', '-1', '2147483648', '1e3', '%20'])(
      'answers 404 invite not found for the id %s',
      async (id) => {
        const response = await send(asAdmin(), id);
        expect(response.status).toBe(404);
        expect(response.body).toEqual(INVITE_NOT_FOUND);
      },
    );

    it("answers 404 for an existing invite's id written other than in decimal digits", async () => {
      const { id } = await one();
      for (const written of [
        `${id}.0`,
        `${id}e0`,
        `0x${id.toString(16)}`,
        `+${id}`,
        `%20${id}`,
      ]) {
        const response = await send(asAdmin(), written);
        expect({ written, status: response.status }).toEqual({
          written,
          status: 404,
        });
        expect(response.body).toEqual(INVITE_NOT_FOUND);
      }
      expect((await asAdmin().get(`/api/auth/invite/${id}`)).status).toBe(200);
    });
  });

  it('answers 405 with the methods of /:id for PUT', async () => {
    const response = await request(t.http)
      .put('/api/auth/invite/1')
      .expect(405);
    expect(response.body).toEqual(METHOD_NOT_ALLOWED);
    expect(response.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
  });

  describe('the Invite JSON', () => {
    it('appends note, revokedAt, lastUsedAt, valid and url after the seed keys', async () => {
      const invite = await one({ note: '  for the book club ' });
      expect(Object.keys(invite)).toEqual(INVITE_KEYS);
      expect(invite).toMatchObject({
        createdById: adminId,
        note: 'for the book club',
        revokedAt: null,
        lastUsedAt: null,
        valid: true,
        url: `${PUBLIC_URL}/invite/${invite.code}`,
      });
      const read = await asAdmin()
        .get(`/api/auth/invite/${invite.id}`)
        .expect(200);
      expect(read.body).toEqual(invite);
    });

    it('puts the same note on every invite of a batch', async () => {
      const batch = await createInvites(t, admin, { count: 3, note: 'team' });
      expect(batch.map((i) => i.note)).toEqual(['team', 'team', 'team']);
    });

    it.each([[1], [true], [{}], ['x'.repeat(501)]])(
      'refuses the note %p with 400 invalid note',
      async (note) => {
        const response = await asAdmin()
          .post('/api/auth/invite')
          .send({ note })
          .expect(400);
        expect(response.body).toEqual(INVALID_NOTE);
      },
    );

    it('checks note after maxUses', async () => {
      const response = await asAdmin()
        .post('/api/auth/invite')
        .send({ maxUses: 0, note: 1 })
        .expect(400);
      expect(response.body).toEqual(INVALID_MAX_USES);
    });

    it('sets lastUsedAt when a registration redeems it, and valid follows uses', async () => {
      const invite = await one();
      const before = Date.now();
      await register(invite.code).expect(200);
      const read = (
        await asAdmin().get(`/api/auth/invite/${invite.id}`).expect(200)
      ).body as InviteBody;
      expect(read).toMatchObject({ uses: 1, used: true, valid: false });
      expect(Date.parse(read.lastUsedAt as string)).toBeGreaterThanOrEqual(
        before - 1000,
      );
    });

    it('is not valid once expired', async () => {
      const invite = await one();
      await t.dataSource.query(
        "UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1",
        [invite.id],
      );
      const read = await asAdmin()
        .get(`/api/auth/invite/${invite.id}`)
        .expect(200);
      expect(read.body).toMatchObject({ used: false, valid: false });
    });
  });

  describe('PATCH /api/auth/invite/:id', () => {
    it('checks a malformed id, then the body, then whether the invite exists', async () => {
      const malformed = await asAdmin()
        .patch('/api/auth/invite/abc')
        .send({ zz: 1 });
      expect([malformed.status, malformed.body]).toEqual([
        404,
        INVITE_NOT_FOUND,
      ]);
      for (const text of ['{"maxUses": 2,', '[1]']) {
        const unreadable = await asAdmin()
          .patch('/api/auth/invite/abc')
          .set('Content-Type', 'application/json')
          .send(text);
        expect([text, unreadable.status, unreadable.body]).toEqual([
          text,
          404,
          INVITE_NOT_FOUND,
        ]);
      }
      const badBody = await patch(999999, { zz: 1 });
      expect([badBody.status, badBody.body]).toMatchObject([
        400,
        { error: 'unknown field: zz', code: 400 },
      ]);
      const unknown = await patch(999999, { maxUses: 2 });
      expect([unknown.status, unknown.body]).toEqual([404, INVITE_NOT_FOUND]);
    });

    it('answers 200 unchanged for an empty body', async () => {
      const invite = await one({ note: 'keep' });
      const response = await patch(invite.id, {}).expect(200);
      expect(response.body).toEqual(invite);
    });

    it('changes the keys present and keeps the absent ones', async () => {
      const invite = await one({ expiresAt: '1d', maxUses: 3, note: 'a' });
      const changed = (await patch(invite.id, { maxUses: 5 }).expect(200))
        .body as InviteBody;
      expect(changed).toEqual({ ...invite, maxUses: 5 });

      const renamed = (await patch(invite.id, { note: ' b ' }).expect(200))
        .body as InviteBody;
      expect(renamed).toEqual({ ...changed, note: 'b' });

      const never = (
        await patch(invite.id, {
          expiresAt: 'never',
          maxUses: null,
          note: '',
        }).expect(200)
      ).body as InviteBody;
      expect(never).toEqual({
        ...renamed,
        expiresAt: null,
        maxUses: null,
        note: null,
      });
    });

    it('accepts every expiresAt form of POST', async () => {
      const invite = await one();
      const iso = new Date(Date.now() + 86_400_000).toISOString();
      for (const expiresAt of [`date=${iso}`, iso]) {
        const response = await patch(invite.id, { expiresAt }).expect(200);
        expect(response.body.expiresAt).toBe(iso);
      }
      const relative = await patch(invite.id, { expiresAt: '2h' }).expect(200);
      const inTwoHours = Date.now() + 2 * 3600 * 1000;
      expect(
        Math.abs(Date.parse(relative.body.expiresAt) - inTwoHours),
      ).toBeLessThan(60_000);
    });

    it('makes a used-up invite valid again by raising maxUses', async () => {
      const invite = await one();
      await register(invite.code).expect(200);
      const response = await patch(invite.id, { maxUses: 2 }).expect(200);
      expect(response.body).toMatchObject({ used: false, valid: true });
      await register(invite.code).expect(200);
    });

    it.each<[string, unknown, unknown]>([
      ['a past expiresAt', { expiresAt: '2020-01-01' }, INVALID_DATE],
      ['an unparseable expiresAt', { expiresAt: 'soon' }, INVALID_DATE],
      ['maxUses 0', { maxUses: 0 }, INVALID_MAX_USES],
      ['maxUses 1.5', { maxUses: 1.5 }, INVALID_MAX_USES],
      ['a numeric note', { note: 5 }, INVALID_NOTE],
      ['an unknown key', { code: 'x' }, errorBody('unknown field: code', 400)],
      ['count', { count: 2 }, errorBody('unknown field: count', 400)],
      [
        'expiresAt before maxUses',
        { expiresAt: 'soon', maxUses: 0 },
        INVALID_DATE,
      ],
      [
        'an array body',
        [1],
        errorBody('request body must be a json object', 400),
      ],
    ])(
      'answers 400 for %s and changes nothing',
      async (_label, body, error) => {
        const invite = await one();
        const response = await patch(invite.id, body).expect(400);
        expect(response.body).toEqual(error);
        const read = await asAdmin()
          .get(`/api/auth/invite/${invite.id}`)
          .expect(200);
        expect(read.body).toEqual(invite);
      },
    );

    it('answers 400 invalid maxUses below the current uses', async () => {
      const invite = await one({ maxUses: 5 });
      await register(invite.code).expect(200);
      await register(invite.code).expect(200);
      const response = await patch(invite.id, { maxUses: 1 }).expect(400);
      expect(response.body).toEqual(INVALID_MAX_USES);
      expect(await inviteRow(t, invite.code)).toEqual({ uses: 2, max_uses: 5 });
      await patch(invite.id, { maxUses: 2 }).expect(200);
    });

    it('never lets uses exceed a maxUses lowered while registrations run', async () => {
      const invite = await one({ maxUses: null });
      // The test holds the invite's row, on a connection of its own, until 3
      // registrations and then the PATCH are seen waiting for it; the other
      // 37 are on their way (hashing their passwords) when it lets go.
      const holder = new Client({ connectionString: t.databaseUrl });
      await holder.connect();
      const waitingOnLocks = async (count: number) => {
        for (;;) {
          const { rows } = await holder.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (rows[0].waiting >= count) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const send = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) =>
          register(invite.code, `crowd${from + i}`).then((r) => r),
        );
      let responses: request.Response[];
      let patched: request.Response;
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM invites WHERE id = $1 FOR UPDATE', [
          invite.id,
        ]);
        const early = send(0, 3);
        await waitingOnLocks(3);
        const patching = patch(invite.id, { maxUses: 5 }).then((r) => r);
        await waitingOnLocks(4);
        const late = send(3, 40);
        await holder.query('COMMIT');
        responses = await Promise.all([...early, ...late]);
        patched = await patching;
      } finally {
        await holder.end();
      }

      const all = [...responses, patched];
      const failures = all.filter((r) => r.status >= 500);
      expect(failures.map((r) => r.body as unknown)).toEqual([]);
      const row = await inviteRow(t, invite.code);
      if (patched.status === 200) {
        // The uses at the moment of the PATCH are in its answer.
        const usesAtPatch = (patched.body as InviteBody).uses;
        expect(row.max_uses).toBe(5);
        expect(row.uses).toBeLessThanOrEqual(Math.max(5, usesAtPatch));
      } else {
        // More than 5 registrations committed before the PATCH ran: the
        // conditional UPDATE refuses the cut, and the limit stays unlimited.
        expect(patched.status).toBe(400);
        expect(patched.body).toEqual(INVALID_MAX_USES);
        expect(row.max_uses).toBeNull();
        expect(row.uses).toBeGreaterThan(5);
      }
      const succeeded = responses.filter((r) => r.status === 200);
      expect(succeeded).toHaveLength(row.uses);
      for (const response of responses.filter((r) => r.status !== 200)) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual(INVALID_INVITE_CODE);
      }
    });
  });

  describe('revoke and unrevoke', () => {
    it('sets revokedAt once: revoking again keeps the first time', async () => {
      const invite = await one();
      const first = await asAdmin()
        .post(`/api/auth/invite/${invite.id}/revoke`)
        .expect(200);
      expect(first.body).toEqual({
        ...invite,
        revokedAt: expect.any(String),
        valid: false,
      });
      const again = await asAdmin()
        .post(`/api/auth/invite/${invite.id}/revoke`)
        .expect(200);
      expect(again.body).toEqual(first.body);
    });

    it('audits a revoke or unrevoke only when it changes the invite', async () => {
      const invite = await one();
      for (const action of ['revoke', 'revoke', 'unrevoke', 'unrevoke']) {
        await asAdmin()
          .post(`/api/auth/invite/${invite.id}/${action}`)
          .expect(200);
      }
      const rows = await t.dataSource.query<Array<{ action: string }>>(
        `SELECT action FROM audit_log
         WHERE target_type = 'invite' AND target_id = $1 ORDER BY id`,
        [String(invite.id)],
      );
      expect(rows.map((row) => row.action)).toEqual([
        'invite.created',
        'invite.revoked',
        'invite.unrevoked',
      ]);
    });

    it('refuses a revoked code at registration and in the lookup, like an unknown one', async () => {
      const invite = await one();
      await asAdmin().post(`/api/auth/invite/${invite.id}/revoke`).expect(200);
      const registration = await register(invite.code).expect(400);
      expect(registration.body).toEqual(INVALID_INVITE_CODE);
      expect(await inviteRow(t, invite.code)).toEqual({ uses: 0, max_uses: 1 });
      const found = await lookup(invite.code).expect(404);
      expect(found.body).toEqual(LOOKUP_INVALID_CODE);

      const restored = await asAdmin()
        .post(`/api/auth/invite/${invite.id}/unrevoke`)
        .expect(200);
      expect(restored.body).toEqual(invite);
      await lookup(invite.code).expect(200);
      await register(invite.code).expect(200);
    });

    it('keeps the history of a revoked invite', async () => {
      const invite = await one({ maxUses: 2 });
      const registered = await register(invite.code).expect(200);
      await asAdmin().post(`/api/auth/invite/${invite.id}/revoke`).expect(200);
      const users = await asAdmin()
        .get(`/api/auth/invite/${invite.id}/users`)
        .expect(200);
      expect(users.body).toEqual([registered.body.user]);
    });
  });

  describe('DELETE /api/auth/invite/:id', () => {
    it('deletes by id; its users keep their accounts with inviteId null', async () => {
      const invite = await one();
      const registered = await register(invite.code).expect(200);
      const deleted = await asAdmin()
        .delete(`/api/auth/invite/${invite.id}`)
        .expect(200);
      expect(deleted.body).toMatchObject({ id: invite.id, uses: 1 });
      const me = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${registered.body.token}`)
        .expect(200);
      expect(me.body.inviteId).toBeNull();
      const again = await asAdmin()
        .delete(`/api/auth/invite/${invite.id}`)
        .expect(404);
      expect(again.body).toEqual(INVITE_NOT_FOUND);
    });
  });

  describe('GET /api/auth/invite/:id/users', () => {
    it('lists the users who registered with it, newest first, paged with Link', async () => {
      const invite = await one({ maxUses: null });
      const registered: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        registered.push((await register(invite.code).expect(200)).body.user.id);
      }
      const all = await asAdmin()
        .get(`/api/auth/invite/${invite.id}/users`)
        .expect(200);
      expect(all.headers.link).toBeUndefined();
      expect((all.body as UserBody[]).map((u) => u.id)).toEqual(
        [...registered].reverse(),
      );
      expect(Object.keys(all.body[0])).toEqual([
        'id',
        'username',
        'administrator',
        'createdAt',
        'inviteId',
      ]);

      const seen: number[] = [];
      let url: string | undefined =
        `/api/auth/invite/${invite.id}/users?limit=2`;
      let pages = 0;
      while (url) {
        const response = await asAdmin().get(url).expect(200);
        seen.push(...(response.body as UserBody[]).map((u) => u.id));
        const link = response.headers.link as string | undefined;
        url = link ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
        if (link) expect(url).toMatch(`/api/auth/invite/${invite.id}/users?`);
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...registered].reverse());
    });

    it('answers [] for an invite nobody used, and 400 invalid query for a bad limit', async () => {
      const invite = await one();
      const empty = await asAdmin()
        .get(`/api/auth/invite/${invite.id}/users`)
        .expect(200);
      expect(empty.body).toEqual([]);
      const bad = await asAdmin()
        .get(`/api/auth/invite/${invite.id}/users?limit=0`)
        .expect(400);
      expect(bad.body).toEqual(INVALID_QUERY);
    });
  });

  describe('list filters', () => {
    it('filters by revoked, valid, createdById and code, combined with AND and kept in the Link', async () => {
      const other = await t.createUser({ administrator: true });
      const [revoked, usedUp, fresh] = await createInvites(t, admin, {
        count: 3,
      });
      const [theirs] = await createInvites(t, other.token, { note: 'theirs' });
      await asAdmin().post(`/api/auth/invite/${revoked.id}/revoke`).expect(200);
      await register(usedUp.code).expect(200);

      const ids = (invites: InviteBody[]) => invites.map((i) => i.id);
      expect(ids(await list('revoked=true'))).toContain(revoked.id);
      expect(ids(await list('revoked=true'))).not.toContain(fresh.id);
      expect(ids(await list('revoked=false'))).not.toContain(revoked.id);
      const valid = ids(await list('valid=true'));
      expect(valid).toEqual(expect.arrayContaining([fresh.id, theirs.id]));
      expect(valid).not.toContain(revoked.id);
      expect(valid).not.toContain(usedUp.id);
      expect(ids(await list('valid=false'))).toEqual(
        expect.arrayContaining([revoked.id, usedUp.id]),
      );
      expect(ids(await list(`createdById=${other.user.id}`))).toEqual([
        theirs.id,
      ]);
      expect(ids(await list(`code=${fresh.code}`))).toEqual([fresh.id]);
      expect(
        ids(await list(`code=${fresh.code}&createdById=${other.user.id}`)),
      ).toEqual([]);
      expect(ids(await list('code=nosuchcode'))).toEqual([]);
      expect(
        ids(await list(`valid=true&createdById=${adminId}&revoked=false`)),
      ).toContain(fresh.id);

      const first = await asAdmin()
        .get(
          `/api/auth/invite?valid=false&revoked=false&createdById=${adminId}&limit=1`,
        )
        .expect(200);
      const link = first.headers.link;
      expect(link).toMatch(/^<\/api\/auth\/invite\?limit=1&cursor=[^&>]+&/);
      expect(link).toMatch(/revoked=false/);
      expect(link).toMatch(/valid=false/);
      expect(link).toMatch(new RegExp(`createdById=${adminId}`));
    });

    it.each([
      'revoked=yes',
      'valid=1',
      'createdById=abc',
      'createdById=0',
      'createdById=2147483648',
      'code=',
      'valid=true&valid=false',
    ])('answers 400 invalid query for %s', async (query) => {
      const response = await asAdmin()
        .get(`/api/auth/invite?${query}`)
        .expect(400);
      expect(response.body).toEqual(INVALID_QUERY);
    });
  });

  describe('GET /api/auth/register/invite (public lookup)', () => {
    it('answers what the invitee may know, without a login', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const invite = await one({ expiresAt, maxUses: 3 });
      await register(invite.code).expect(200);
      const response = await lookup(invite.code).expect(200);
      expect(response.body).toEqual({
        code: invite.code,
        expiresAt,
        remainingUses: 2,
        inviter: { username: 'admin' },
      });
    });

    it('names the creator and null remainingUses for an unlimited invite', async () => {
      const other = await t.createUser({
        username: `inviter${(counter += 1)}`,
        administrator: true,
      });
      const [invite] = await createInvites(t, other.token, { maxUses: null });
      const response = await lookup(invite.code).expect(200);
      expect(response.body).toEqual({
        code: invite.code,
        expiresAt: null,
        remainingUses: null,
        inviter: { username: other.user.username },
      });
    });

    it('answers one 404 invalid invite code for unknown, expired, used-up and revoked codes', async () => {
      const [expired, usedUp, revoked] = await createInvites(t, admin, {
        count: 3,
      });
      await t.dataSource.query(
        "UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1",
        [expired.id],
      );
      await register(usedUp.code).expect(200);
      await asAdmin().post(`/api/auth/invite/${revoked.id}/revoke`).expect(200);
      for (const code of [
        'unknown-code',
        expired.code,
        usedUp.code,
        revoked.code,
      ]) {
        const response = await lookup(code).expect(404);
        expect(response.body).toEqual(LOOKUP_INVALID_CODE);
      }
    });

    it('answers 400 no code without a code, or with an empty one', async () => {
      for (const url of [
        '/api/auth/register/invite',
        '/api/auth/register/invite?code=',
      ]) {
        const response = await request(t.http).get(url).expect(400);
        expect(response.body).toEqual(NO_CODE);
      }
    });
  });

  describe('a Zipline v3 client', () => {
    const ZIPLINE_KEYS = INVITE_KEYS.slice(0, 8);
    const APPENDED = ['note', 'revokedAt', 'lastUsedAt', 'valid', 'url'];

    it('gets the same answers to POST date=, GET and DELETE ?code=, plus only the appended keys', async () => {
      const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const created = await asAdmin()
        .post('/api/auth/invite')
        .send({ expiresAt: `date=${expiresAt}`, count: 2 })
        .expect(200);
      expect(created.body).toHaveLength(2);
      for (const invite of created.body as InviteBody[]) {
        expect(Object.keys(invite)).toEqual([...ZIPLINE_KEYS, ...APPENDED]);
        expect(invite).toMatchObject({
          expiresAt,
          used: false,
          createdById: adminId,
          uses: 0,
          maxUses: 1,
        });
      }
      const [first, second] = created.body as InviteBody[];

      const listed = await list('');
      expect(listed).toEqual(expect.arrayContaining([first, second]));

      const deleted = await asAdmin()
        .delete(`/api/auth/invite?code=${first.code}`)
        .expect(200);
      expect(deleted.body).toEqual(first);
      expect((await list('')).map((i) => i.id)).not.toContain(first.id);
    });
  });
});

describe('invite lifecycle with invites disabled (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createApp({ INVITES_ENABLED: 'false' });
    admin = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(ROUTES_BY_ID)(
    '%s answers 400 invites are disabled, before the id is looked at',
    async (_route, send) => {
      for (const id of ['1', 'abc']) {
        const response = await send(
          request.agent(t.http).set('Authorization', `Bearer ${admin}`),
          id,
        );
        expect(response.status).toBe(400);
        expect(response.body).toEqual(INVITES_DISABLED);
      }
    },
  );

  it('answers 400 invites are disabled before it reads a malformed body', async () => {
    for (const [method, path] of [
      ['post', '/api/auth/invite'],
      ['patch', '/api/auth/invite/1'],
    ] as const) {
      const response = await request(t.http)
        [method](path)
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'application/json')
        .send('{"count": 2,');
      expect([path, response.status, response.body]).toEqual([
        path,
        400,
        INVITES_DISABLED,
      ]);
    }
  });

  it('the lookup answers 400 invites are disabled, before the code is looked at', async () => {
    for (const url of [
      '/api/auth/register/invite?code=abc',
      '/api/auth/register/invite',
    ]) {
      const response = await request(t.http).get(url).expect(400);
      expect(response.body).toEqual(INVITES_DISABLED);
    }
  });
});

describe('invite lookup rate limit (e2e)', () => {
  it('shares the per-IP budget of login and register', async () => {
    const t = await createApp({ RATE_LIMIT_AUTH: '2' });
    try {
      await request(t.http).get('/api/auth/register/invite?code=x').expect(404);
      await request(t.http)
        .post('/api/auth/login')
        .send({ username: 'nobody', password: 'whatever-password' })
        .expect(401);
      const limited = await request(t.http)
        .get('/api/auth/register/invite?code=x')
        .expect(429);
      expect(limited.body).toEqual(TOO_MANY_REQUESTS);
      expect(limited.headers['retry-after']).toBeDefined();
      await request(t.http)
        .post('/api/auth/register')
        .send({ username: 'someone', password: PASSWORD, code: 'x' })
        .expect(429);
    } finally {
      await t.close();
    }
  });
});
