import request from 'supertest';
import { IdempotencyCleanup } from '../src/idempotency/idempotency-cleanup';
import { NO_REQUEST } from '../src/audit/request-context';
import { requestFingerprint } from '../src/idempotency/idempotency-keys';
import { UsersService } from '../src/users/users.service';
import { createApp, type TestApp } from './helpers/create-app';
import { sendRaw } from './helpers/raw-http';
import { WebhookReceiver } from './helpers/webhook-receiver';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Polls the delivery log (the signal the worker leaves) until `ready` holds. */
async function deliveriesOf(
  app: TestApp,
  token: string,
  webhookId: number,
  ready: (
    rows: Array<{ status: string; attempt: number; eventId: string }>,
  ) => boolean,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(app.http)
      .get(`/api/webhooks/${webhookId}/deliveries`)
      .set(bearer(token))
      .expect(200);
    const rows = response.body as Array<{
      status: string;
      attempt: number;
      eventId: string;
    }>;
    if (ready(rows)) return rows;
    if (Date.now() > deadline)
      throw new Error(`delivery log: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('integrations (e2e)', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await createApp({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_RETRY_DELAY: '1',
    });
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  async function createKey(
    scopes: string[],
  ): Promise<{ id: number; key: string }> {
    const response = await request(app.http)
      .post('/api/auth/keys')
      .set(bearer(admin))
      .send({ name: `key ${scopes.join(' ')}`, scopes })
      .expect(200);
    return response.body as { id: number; key: string };
  }

  describe('API keys', () => {
    it('shows the isk_ secret once and lists keys without it', async () => {
      const created = await createKey(['invites:read']);
      expect(created.key).toMatch(/^isk_[A-Za-z0-9]{32,}$/);
      expect(created).toMatchObject({ prefix: created.key.slice(0, 8) });
      const list = await request(app.http)
        .get('/api/auth/keys')
        .set(bearer(admin))
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain(created.key);
      expect(JSON.stringify(list.body)).not.toContain('hash');
    });

    it('answers 400 invalid scopes for an unknown scope', async () => {
      const response = await request(app.http)
        .post('/api/auth/keys')
        .set(bearer(admin))
        .send({ name: 'x', scopes: ['invites:delete'] })
        .expect(400);
      expect(response.body).toEqual({
        error: 'invalid scopes',
        code: 400,
        details: [{ field: 'scopes', error: 'invalid scopes' }],
      });
    });

    it('takes names of 1..100 characters, counting code points, and refuses NUL', async () => {
      const create = (name: unknown) =>
        request(app.http)
          .post('/api/auth/keys')
          .set(bearer(admin))
          .send({ name, scopes: ['invites:read'] });
      const emoji = '\u{1F600}'.repeat(100);
      const accepted = await create(emoji).expect(200);
      expect((accepted.body as { name: string }).name).toBe(emoji);
      for (const name of ['', '  ', 'x'.repeat(101), 'a\u0000b', 5]) {
        const refused = await create(name);
        expect([refused.status, refused.body]).toEqual([
          400,
          {
            error: 'invalid name',
            code: 400,
            details: [{ field: 'name', error: 'invalid name' }],
          },
        ]);
      }
    });

    it("counts a duration from the key's createdAt", async () => {
      const response = await request(app.http)
        .post('/api/auth/keys')
        .set(bearer(admin))
        .send({ name: 'week', scopes: ['invites:read'], expiresAt: '7d' })
        .expect(200);
      const key = response.body as { createdAt: string; expiresAt: string };
      expect(Date.parse(key.expiresAt) - Date.parse(key.createdAt)).toBe(
        7 * 24 * 3600 * 1000,
      );
    });

    const routes: Array<[string, string, string]> = [
      ['GET', '/api/auth/invite', 'invites:read'],
      ['POST', '/api/auth/invite', 'invites:write'],
      ['GET', '/api/auth/keys', 'none'],
      ['POST', '/api/auth/keys', 'none'],
      ['GET', '/api/webhooks', 'none'],
      ['GET', '/api/audit', 'none'],
      ['GET', '/api/auth/me', 'none'],
    ];
    const allowed: Record<string, string[]> = {
      'invites:read': ['invites:read'],
      'invites:write': ['invites:read', 'invites:write'],
      'users:read': [],
    };
    for (const scope of Object.keys(allowed)) {
      for (const [method, path, needs] of routes) {
        const ok = allowed[scope].includes(needs);
        it(`a key with ${scope} ${ok ? 'may' : 'may not (403)'} ${method} ${path}`, async () => {
          const { key } = await createKey([scope]);
          const call =
            method === 'GET'
              ? request(app.http).get(path)
              : request(app.http)
                  .post(path)
                  .send(
                    path.endsWith('keys') ? { name: 'k', scopes: [scope] } : {},
                  );
          const response = await call.set(bearer(key));
          if (ok) {
            expect(response.status).toBe(200);
          } else {
            expect(response.status).toBe(403);
            expect(response.body).toEqual({
              error: 'insufficient scope',
              code: 403,
            });
          }
        });
      }
    }

    it("opens an invite's users to users:read and to invites:write (every invite route), not to invites:read", async () => {
      const invite = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .send({})
        .expect(200);
      const path = `/api/auth/invite/${(invite.body as { id: number }).id}/users`;
      const statuses: Record<string, number> = {};
      for (const scope of ['users:read', 'invites:write', 'invites:read']) {
        const { key } = await createKey([scope]);
        statuses[scope] = (
          await request(app.http).get(path).set(bearer(key))
        ).status;
      }
      expect(statuses).toEqual({
        'users:read': 200,
        'invites:write': 200,
        'invites:read': 403,
      });
    });

    it('creates invites as the key creator and stops at once when deleted', async () => {
      const { id, key } = await createKey(['invites:write']);
      const invite = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(key))
        .send({})
        .expect(200);
      expect((invite.body as { createdById: number }).createdById).toBe(1);
      await request(app.http)
        .delete(`/api/auth/keys/${id}`)
        .set(bearer(admin))
        .expect(200);
      const after = await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key));
      expect(after.status).toBe(401);
      expect(after.body).toEqual({ error: 'not logged in', code: 401 });
    });

    it('refuses a key whose creator is no longer an administrator', async () => {
      const other = await app.createUser({ administrator: true });
      const created = await request(app.http)
        .post('/api/auth/keys')
        .set(bearer(other.token))
        .send({ name: 'soon demoted', scopes: ['invites:read'] })
        .expect(200);
      const { key } = created.body as { key: string };
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(200);
      await app.dataSource.query(
        'UPDATE users SET administrator = false WHERE id = $1',
        [other.user.id],
      );
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(401);
    });

    it('ends a key for good when its creator is demoted or disabled, as it ends their sessions', async () => {
      const users = app.app.get(UsersService);
      const changes: Array<
        [
          string,
          (name: string) => Promise<unknown>,
          (name: string) => Promise<unknown>,
        ]
      > = [
        [
          'demoted',
          (name) => users.setAdministrator(name, false, NO_REQUEST),
          (name) => users.setAdministrator(name, true, NO_REQUEST),
        ],
        [
          'disabled',
          (name) => users.setDisabled(name, true, NO_REQUEST),
          (name) => users.setDisabled(name, false, NO_REQUEST),
        ],
      ];
      for (const [label, end, restore] of changes) {
        const other = await app.createUser({ administrator: true });
        const created = await request(app.http)
          .post('/api/auth/keys')
          .set(bearer(other.token))
          .send({ name: label, scopes: ['invites:read'] })
          .expect(200);
        const { key } = created.body as { key: string };
        const status = async () =>
          (await request(app.http).get('/api/auth/invite').set(bearer(key)))
            .status;
        const before = await status();
        await end(other.user.username);
        const ended = await status();
        await restore(other.user.username);
        expect([label, before, ended, await status()]).toEqual([
          label,
          200,
          401,
          401,
        ]);
      }
    });

    it('refuses an expired key with 401', async () => {
      const { id, key } = await createKey(['invites:read']);
      await app.dataSource.query(
        `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(401);
    });

    it('sets lastUsedAt on use and writes it at most once a minute', async () => {
      const { id, key } = await createKey(['invites:read']);
      const lastUsed = async () => {
        const [row] = await app.dataSource.query<Array<{ at: string | null }>>(
          'SELECT last_used_at::text AS at FROM api_keys WHERE id = $1',
          [id],
        );
        return row.at;
      };
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(200);
      // The write is not awaited by the request: wait for it to land.
      const deadline = Date.now() + 5000;
      while ((await lastUsed()) === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const first = await lastUsed();
      expect(first).not.toBeNull();
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(200);
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(200);
      expect(await lastUsed()).toBe(first);
    });

    it('answers 404 api key not found for an unknown id', async () => {
      const response = await request(app.http)
        .delete('/api/auth/keys/999999')
        .set(bearer(admin))
        .expect(404);
      expect(response.body).toEqual({ error: 'api key not found', code: 404 });
    });

    it("answers 404 for an existing key's id not in decimal digits, and keeps the key", async () => {
      const { id, key } = await createKey(['invites:read']);
      for (const written of [`${id}e0`, `${id}.0`, `0x${id.toString(16)}`]) {
        const response = await request(app.http)
          .delete(`/api/auth/keys/${written}`)
          .set(bearer(admin));
        expect({ written, status: response.status }).toEqual({
          written,
          status: 404,
        });
      }
      await request(app.http)
        .get('/api/auth/invite')
        .set(bearer(key))
        .expect(200);
    });
  });

  describe('webhooks', () => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
    });
    afterAll(() => receiver.close());

    it('answers 400 invalid events and invalid url', async () => {
      const events = await request(app.http)
        .post('/api/webhooks')
        .set(bearer(admin))
        .send({ url: receiver.url, events: ['invite.exploded'] })
        .expect(400);
      expect(events.body).toEqual({ error: 'invalid events', code: 400 });
      const url = await request(app.http)
        .post('/api/webhooks')
        .set(bearer(admin))
        .send({ url: 'ftp://127.0.0.1/x', events: ['invite.created'] })
        .expect(400);
      expect(url.body).toEqual({ error: 'invalid url', code: 400 });
    });

    it('retries a receiver that fails twice: three signed attempts, three log rows', async () => {
      const created = await request(app.http)
        .post('/api/webhooks')
        .set(bearer(admin))
        .send({ url: receiver.url, events: ['invite.created'] })
        .expect(200);
      const webhook = created.body as { id: number; secret: string };
      expect(webhook.secret).toMatch(/^whsec_/);
      receiver.secret = webhook.secret;
      receiver.answer = (_event, index) => (index < 2 ? 500 : 204);

      const invite = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .send({})
        .expect(200);
      await receiver.waitFor((received) => received.length >= 3);
      expect(receiver.received.map((event) => event.verified)).toEqual([
        true,
        true,
        true,
      ]);
      const ids = new Set(
        receiver.received.map((event) => event.headers['webhook-id']),
      );
      expect(ids.size).toBe(1);
      expect(receiver.received[2].body).toMatchObject({
        type: 'invite.created',
        data: { id: (invite.body as { id: number }).id },
      });
      const rows = await deliveriesOf(
        app,
        admin,
        webhook.id,
        (r) => r.length >= 3,
      );
      expect(rows.map((row) => [row.attempt, row.status])).toEqual([
        [3, 'delivered'],
        [2, 'failed'],
        [1, 'failed'],
      ]);
      await request(app.http)
        .delete(`/api/webhooks/${webhook.id}`)
        .set(bearer(admin))
        .expect(200);
    });

    it("counts a retry's delay from its own attempt, not from the end of a batch that waited for a slow receiver", async () => {
      const slow = await WebhookReceiver.start();
      const failing = await WebhookReceiver.start();
      try {
        const subscribe = async (to: WebhookReceiver) => {
          const created = await request(app.http)
            .post('/api/webhooks')
            .set(bearer(admin))
            .send({ url: to.url, events: ['invite.created'] })
            .expect(200);
          const webhook = created.body as { id: number; secret: string };
          to.secret = webhook.secret;
          return webhook.id;
        };
        const slowId = await subscribe(slow);
        const failingId = await subscribe(failing);
        // The slow receiver answers 3 s after the failing one, which is
        // longer than the retry's delay (WEBHOOKS_RETRY_DELAY=1).
        failing.answer = (_event, index) => (index === 0 ? 500 : 204);
        let slowAnsweredAt = 0;
        slow.answer = () =>
          new Promise((resolve) =>
            setTimeout(() => {
              slowAnsweredAt = Date.now();
              resolve(204);
            }, 3000),
          );
        await request(app.http)
          .post('/api/auth/invite')
          .set(bearer(admin))
          .send({})
          .expect(200);
        await failing.waitFor((received) => received.length >= 2);
        await slow.waitFor((received) => received.length >= 1);
        const rows = await app.dataSource.query<{ start_after: Date }[]>(
          `SELECT start_after FROM pgboss.job
           WHERE name = 'webhook-delivery' AND (data->>'webhookId')::int = $1
             AND (data->>'attempt')::int = 2`,
          [failingId],
        );
        expect(rows).toHaveLength(1);
        // Due as soon as the batch is recorded: its 1 s had passed while
        // the slow receiver was answering.
        expect(rows[0].start_after.getTime() - slowAnsweredAt).toBeLessThan(
          500,
        );
        for (const id of [slowId, failingId]) {
          await request(app.http)
            .delete(`/api/webhooks/${id}`)
            .set(bearer(admin))
            .expect(200);
        }
      } finally {
        await Promise.all([slow.close(), failing.close()]);
      }
    });

    it('emits one invite.created per invite of a batch', async () => {
      receiver.received.length = 0;
      receiver.answer = () => 204;
      const created = await request(app.http)
        .post('/api/webhooks')
        .set(bearer(admin))
        .send({ url: receiver.url, events: ['invite.created'] })
        .expect(200);
      receiver.secret = (created.body as { secret: string }).secret;
      const batch = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .send({ count: 3, note: 'batch' })
        .expect(200);
      await receiver.waitFor((received) => received.length >= 3);
      expect(receiver.received.every((event) => event.verified)).toBe(true);
      // Each event carries its invite exactly as the POST answered it.
      const bodies = receiver.received
        .map(
          (event) =>
            event.body as {
              id: string;
              createdAt: string;
              data: { id: number };
            },
        )
        .sort((a, b) => a.id.localeCompare(b.id));
      expect(
        bodies.map((body) => body.data).sort((a, b) => a.id - b.id),
      ).toEqual(batch.body);
      expect(new Set(bodies.map((body) => body.id)).size).toBe(3);
      for (const body of bodies) {
        expect(body.id).toMatch(/^msg_[0-9a-f]{32}$/);
        expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
      }
      await request(app.http)
        .delete(`/api/webhooks/${(created.body as { id: number }).id}`)
        .set(bearer(admin))
        .expect(200);
    });

    it('emits invite.redeemed and user.registered for a registration, nothing when it rolls back', async () => {
      receiver.received.length = 0;
      receiver.answer = () => 204;
      const created = await request(app.http)
        .post('/api/webhooks')
        .set(bearer(admin))
        .send({
          url: receiver.url,
          events: ['invite.redeemed', 'user.registered'],
        })
        .expect(200);
      receiver.secret = (created.body as { secret: string }).secret;
      const invite = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .send({ maxUses: 2 })
        .expect(200);
      const { code } = invite.body as { code: string };
      await request(app.http)
        .post('/api/auth/register')
        .send({ username: 'hooked', password: 'password-1', code })
        .expect(200);
      // Taken username: the transaction rolls back, so no event may follow.
      await request(app.http)
        .post('/api/auth/register')
        .send({ username: 'hooked', password: 'password-1', code })
        .expect(409);
      await receiver.waitFor((received) => received.length >= 2);
      await deliveriesOf(
        app,
        admin,
        (created.body as { id: number }).id,
        (rows) => rows.length >= 2,
      );
      expect(receiver.received.map((event) => event.body.type).sort()).toEqual([
        'invite.redeemed',
        'user.registered',
      ]);
      // The full invite, as the registration left it: its use counted.
      const after = await request(app.http)
        .get(`/api/auth/invite/${(invite.body as { id: number }).id}`)
        .set(bearer(admin))
        .expect(200);
      for (const event of receiver.received) {
        expect(event.body.data).toMatchObject({ invite: after.body });
        // In the API's key order, as the client parsed the raw body.
        const data = event.body.data as Record<string, object>;
        expect(Object.keys(data)).toEqual(
          event.body.type === 'invite.redeemed'
            ? ['invite', 'user']
            : ['user', 'invite'],
        );
        expect(Object.keys(data.invite)).toEqual(Object.keys(after.body));
        expect(Object.keys(data.user)).toEqual([
          'id',
          'username',
          'administrator',
          'createdAt',
          'inviteId',
        ]);
      }
      expect(after.body).toMatchObject({ uses: 1, valid: true });
      expect(receiver.received.every((event) => event.verified)).toBe(true);
      const [registered] = await app.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.registered'`,
      );
      expect(registered.n).toBe(1);
      await request(app.http)
        .delete(`/api/webhooks/${(created.body as { id: number }).id}`)
        .set(bearer(admin))
        .expect(200);
    });

    it('answers 404 webhook not found', async () => {
      const response = await request(app.http)
        .get('/api/webhooks/424242/deliveries')
        .set(bearer(admin))
        .expect(404);
      expect(response.body).toEqual({ error: 'webhook not found', code: 404 });
    });

    it('answers 404 webhook not found for an id beyond the int column, not a database error', async () => {
      const response = await request(app.http)
        .get('/api/webhooks/99999999999/deliveries')
        .set(bearer(admin))
        .expect(404);
      expect(response.body).toEqual({ error: 'webhook not found', code: 404 });
    });
  });

  describe('audit log', () => {
    it('records key, webhook and invite changes with request id and ip, and no secret', async () => {
      const created = await createKey(['invites:read']);
      await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('X-Request-Id', 'audit-test-1')
        .send({})
        .expect(200);
      const response = await request(app.http)
        .get('/api/audit?limit=1000')
        .set(bearer(admin))
        .expect(200);
      const entries = response.body as Array<{
        action: string;
        requestId: string | null;
        ip: string | null;
        actor: { userId: number | null };
      }>;
      const actions = new Set(entries.map((entry) => entry.action));
      for (const action of [
        'api_key.created',
        'api_key.deleted',
        'webhook.created',
        'webhook.deleted',
        'invite.created',
      ]) {
        expect(actions).toContain(action);
      }
      const invite = entries.find(
        (entry) => entry.requestId === 'audit-test-1',
      );
      expect(invite).toMatchObject({
        action: 'invite.created',
        actor: { userId: 1 },
      });
      expect(invite?.ip).toBeTruthy();
      expect(JSON.stringify(entries)).not.toContain(created.key);
    });

    it('records a batch as one invite.created entry per invite, with the request id', async () => {
      const { body: batch } = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('X-Request-Id', 'audit-batch-1')
        .send({ count: 3 })
        .expect(200);
      const { body } = await request(app.http)
        .get('/api/audit?limit=1000')
        .set(bearer(admin))
        .expect(200);
      const entries = (
        body as Array<{
          action: string;
          requestId: string | null;
          actor: { userId: number | null; apiKeyId: number | null };
          target: { type: string | null; id: string | null };
        }>
      ).filter((entry) => entry.requestId === 'audit-batch-1');
      expect(
        entries
          .map((entry) => entry.target)
          .sort((a, b) => Number(a.id) - Number(b.id)),
      ).toEqual(
        (batch as Array<{ id: number }>).map((invite) => ({
          type: 'invite',
          id: String(invite.id),
        })),
      );
      for (const entry of entries) {
        expect(entry).toMatchObject({
          action: 'invite.created',
          actor: { userId: 1, apiKeyId: null },
        });
      }
    });

    it('records invite edits, revocations and deletions, logins (failed too) and logouts, without passwords', async () => {
      const invite = (
        await request(app.http)
          .post('/api/auth/invite')
          .set(bearer(admin))
          .send({ maxUses: null })
          .expect(200)
      ).body as { id: number };
      const path = `/api/auth/invite/${invite.id}`;
      await request(app.http)
        .patch(path)
        .set(bearer(admin))
        .send({ note: 'edited' })
        .expect(200);
      await request(app.http)
        .post(`${path}/revoke`)
        .set(bearer(admin))
        .expect(200);
      await request(app.http)
        .post(`${path}/unrevoke`)
        .set(bearer(admin))
        .expect(200);
      await request(app.http).delete(path).set(bearer(admin)).expect(200);
      // Another user: a logout ends every session of its user.
      const { user, password } = await app.createUser();
      const wrong = 'not-the-password-at-all';
      await request(app.http)
        .post('/api/auth/login')
        .send({ username: user.username, password: wrong })
        .expect(401);
      const { body: session } = await request(app.http)
        .post('/api/auth/login')
        .send({ username: user.username, password })
        .expect(200);
      await request(app.http)
        .post('/api/auth/logout')
        .set(bearer((session as { token: string }).token))
        .expect(204);

      const { body } = await request(app.http)
        .get('/api/audit?limit=1000')
        .set(bearer(admin))
        .expect(200);
      const entries = body as Array<{
        action: string;
        target: { type: string | null; id: string | null };
      }>;
      const forInvite = entries
        .filter(
          (entry) =>
            entry.target.id === String(invite.id) &&
            entry.target.type === 'invite',
        )
        .map((entry) => entry.action)
        .reverse();
      expect(forInvite).toEqual([
        'invite.created',
        'invite.updated',
        'invite.revoked',
        'invite.unrevoked',
        'invite.deleted',
      ]);
      const actions = entries.map((entry) => entry.action);
      for (const action of ['user.login_failed', 'user.login', 'user.logout']) {
        expect(actions).toContain(action);
      }
      expect(JSON.stringify(entries)).not.toContain(wrong);
    });

    it('pages with a Link header', async () => {
      const response = await request(app.http)
        .get('/api/audit?limit=1')
        .set(bearer(admin))
        .expect(200);
      expect(response.body).toHaveLength(1);
      expect(response.headers.link).toMatch(
        /^<\/api\/audit\?limit=1&cursor=\d+>; rel="next"$/,
      );
    });

    it('walks every entry page by page, with no Link on the last page even when it is full', async () => {
      const all = (
        await request(app.http)
          .get('/api/audit?limit=1000')
          .set(bearer(admin))
          .expect(200)
      ).body as Array<{ id: number }>;
      // Pages of two over an even number of entries, so the last page is
      // exactly full: all of them, or all but the newest.
      const start = all.length % 2 === 0 ? all[0].id + 1 : all[0].id;
      const expected = all.filter((entry) => entry.id < start);
      const seen: number[] = [];
      let next: string | undefined =
        `/api/audit?limit=2&cursor=${start}&_=cache-buster`;
      while (next) {
        const page = await request(app.http)
          .get(next)
          .set(bearer(admin))
          .expect(200);
        expect((page.body as unknown[]).length).toBeGreaterThan(0);
        seen.push(...(page.body as Array<{ id: number }>).map((e) => e.id));
        const link = page.headers.link as string | undefined;
        next = link ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
      }
      expect(expected.length % 2).toBe(0);
      expect(seen).toEqual(expected.map((entry) => entry.id));
    });

    it('ignores unknown query parameters and refuses a bad limit or cursor', async () => {
      await request(app.http)
        .get('/api/audit?foo=bar&_=123')
        .set(bearer(admin))
        .expect(200);
      for (const query of [
        'limit=0',
        'limit=x',
        'cursor=0',
        'limit=1&limit=2',
      ]) {
        const response = await request(app.http)
          .get(`/api/audit?${query}`)
          .set(bearer(admin))
          .expect(400);
        expect(response.body).toEqual({ error: 'invalid query', code: 400 });
      }
    });
  });

  describe('/metrics', () => {
    it('serves Prometheus text outside /api whose counters move', async () => {
      const read = async () =>
        (await request(app.http).get('/metrics').expect(200)).text;
      const value = (text: string, pattern: RegExp) =>
        Number(pattern.exec(text)?.[1] ?? 0);
      const created = /^invites_created_total (\d+)/m;
      const route =
        /^http_requests_total\{method="POST",route="\/api\/auth\/invite",status="200"\} (\d+)/m;
      const before = await read();
      await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .send({ count: 2 })
        .expect(200);
      // The platform counts a response once it is sent, which may be just
      // after the client has it: read until the request shows up.
      let after = await read();
      for (
        const deadline = Date.now() + 5000;
        value(after, route) === value(before, route) && Date.now() < deadline;
        after = await read()
      );
      expect(value(after, created) - value(before, created)).toBe(2);
      expect(value(after, route) - value(before, route)).toBe(1);
      expect(after).toMatch(/^db_pool_connections_in_use \d+/m);
      expect(after).toMatch(
        /^webhook_deliveries_total\{outcome="delivered"\} \d+/m,
      );
      expect(after).toMatch(/^process_cpu_user_seconds_total /m);
      for (const line of after.split('\n')) {
        if (line === '' || line.startsWith('#')) continue;
        expect(line).toMatch(
          /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? ([-+0-9.eE]+|NaN|[+-]Inf)$/i,
        );
      }
      await request(app.http).get('/api/metrics').expect(404);
    });

    it('labels a body refused before the handler with its route, Swagger UI’s files as Fastify does, and an unknown path unmatched', async () => {
      const series = (method: string, route: string, status: number) =>
        new RegExp(
          `^http_requests_total\\{method="${method}",route="${route}",status="${status}"\\} (\\d+)`,
          'm',
        );
      const count = (text: string, pattern: RegExp) =>
        Number(pattern.exec(text)?.[1] ?? 0);
      const expected = [
        series('POST', '/api/auth/invite', 413),
        series('POST', '/api/auth/invite', 400),
        series('GET', 'unmatched', 404),
        series('POST', 'unmatched', 404),
        series('GET', '/api/docs/\\*', 200),
      ];
      const read = async () =>
        (await request(app.http).get('/metrics').expect(200)).text;
      const before = await read();
      await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send(`{"note":"${'x'.repeat(200_000)}"}`)
        .expect(413);
      await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send('{bad')
        .expect(400);
      await request(app.http).get('/api/auth/no-such-route').expect(404);
      // A fixed word written with escapes is no route (docs/api.md).
      await request(app.http).post('/api/auth/l%6Fgout').expect(404);
      // Swagger UI's files, which no router route of Express serves.
      await request(app.http).get('/api/docs/swagger-ui.css').expect(200);
      // Counted once each response is sent: read until all of them show.
      let after = await read();
      for (
        const deadline = Date.now() + 5000;
        expected.some((p) => count(after, p) === count(before, p)) &&
        Date.now() < deadline;
        after = await read()
      );
      for (const pattern of expected) {
        expect(count(after, pattern) - count(before, pattern)).toBe(1);
      }
    });
  });

  describe('idempotency keys', () => {
    it('replays the first answer, refuses another body with 422', async () => {
      const first = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'replay-1')
        .send({ count: 2 })
        .expect(200);
      const again = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'replay-1')
        .send({ count: 2 })
        .expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // Byte for byte: the same keys in the same order.
      expect(again.text).toBe(first.text);
      const other = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'replay-1')
        .send({ count: 3 })
        .expect(422);
      expect(other.body).toEqual({
        error: 'idempotency key reused with a different request',
        code: 422,
      });
    });

    it('treats no body, an empty one and {} as the same body', async () => {
      const base = await app.listen();
      const token = await app.adminToken();
      // Raw HTTP: Node's client always sends Content-Length with a POST.
      const post = (headers: string[], body: string) =>
        sendRaw(
          base,
          [
            'POST /api/auth/invite HTTP/1.1',
            `Host: ${new URL(base).host}`,
            `Authorization: Bearer ${token}`,
            'Idempotency-Key: empty-bodies',
            ...headers,
          ],
          body,
        );
      const first = await post([], '');
      expect(first.status).toBe(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      for (const [headers, body] of [
        [['Content-Length: 0'], ''],
        [['Content-Type: application/json', 'Content-Length: 2'], '{}'],
      ] as const) {
        const again = await post([...headers], body);
        expect(again.status).toBe(200);
        expect(again.headers['idempotent-replayed']).toBe('true');
      }
    });

    it('treats the same JSON with its keys in another order as the same body', async () => {
      const send = (body: string) =>
        request(app.http)
          .post('/api/auth/invite')
          .set(bearer(admin))
          .set('Idempotency-Key', 'key-order-1')
          .set('Content-Type', 'application/json')
          .send(body);
      const first = await send('{"count":2,"note":"key order"}').expect(200);
      const again = await send('{ "note": "key order", "count": 2 }').expect(
        200,
      );
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
    });

    it('creates no batch when its answer cannot be recorded, so a retry creates exactly one', async () => {
      const invitesNoted = async () => {
        const [row] = await app.dataSource.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM invites WHERE note = 'unrecorded'`,
        );
        return row.n;
      };
      const send = () =>
        request(app.http)
          .post('/api/auth/invite')
          .set(bearer(admin))
          .set('Idempotency-Key', 'unrecorded-1')
          .send({ count: 2, note: 'unrecorded' });
      // Storing this key's answer fails, as a lost connection would.
      await app.dataSource.query(`
        CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'answer not stored'; END $$;
        CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_keys
          FOR EACH ROW WHEN (NEW.key = 'unrecorded-1' AND NEW.response_status IS NOT NULL)
          EXECUTE FUNCTION refuse_answer();`);
      try {
        const failed = await send().expect(500);
        expect(failed.body).toEqual({
          error: 'internal server error',
          code: 500,
        });
        expect(await invitesNoted()).toBe(0);
      } finally {
        await app.dataSource.query(
          'DROP TRIGGER refuse_answer ON idempotency_keys; DROP FUNCTION refuse_answer()',
        );
      }
      const retried = await send().expect(200);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      const replayed = await send().expect(200);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.text).toBe(retried.text);
      expect(await invitesNoted()).toBe(2);
    });

    it('answers 409 request in progress while the first request runs', async () => {
      // The first request's claim, as it stands while that request runs.
      await app.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
         VALUES (1, 'in-flight-1', $1, now() + interval '1 day')`,
        [requestFingerprint('POST', 'InvitesController.create', {})],
      );
      const response = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'in-flight-1')
        .send({})
        .expect(409);
      expect(response.body).toEqual({
        error: 'request in progress',
        code: 409,
      });
    });

    it('answers 400 invalid idempotency key for a key of 256 characters', async () => {
      const response = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'k'.repeat(256))
        .send({})
        .expect(400);
      expect(response.body).toEqual({
        error: 'invalid idempotency key',
        code: 400,
      });
    });

    it('validates the body before the key, and a refused body leaves no claim', async () => {
      const refused = await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'k'.repeat(256))
        .send({ count: 0 })
        .expect(400);
      expect(refused.body).toMatchObject({ error: 'invalid count', code: 400 });
      await request(app.http)
        .post('/api/auth/invite')
        .set(bearer(admin))
        .set('Idempotency-Key', 'refused-body-1')
        .send({ count: 0 })
        .expect(400);
      const [row] = await app.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'refused-body-1'`,
      );
      expect(row.n).toBe(0);
    });

    it('deletes expired keys in the cleanup job', async () => {
      await app.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
         VALUES (1, 'expired-1', repeat('0', 64), now() - interval '1 second')`,
      );
      expect(
        await app.app.get(IdempotencyCleanup).deleteExpired(),
      ).toBeGreaterThanOrEqual(1);
    });

    // Last in the file: closing the second app on the shared database has
    // been seen to leave the first one's pool unusable in this process.
    it('creates exactly one batch when two instances get the same key at once', async () => {
      const second = await createApp({}, { databaseUrl: app.databaseUrl });
      try {
        const [before] = await app.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM invites',
        );
        const send = (target: TestApp) =>
          request(target.http)
            .post('/api/auth/invite')
            .set(bearer(admin))
            .set('Idempotency-Key', 'concurrent-1')
            .send({ count: 5 });
        const answers = await Promise.all([
          send(app),
          send(second),
          send(app),
          send(second),
        ]);
        const statuses = answers.map((answer) => answer.status).sort();
        expect(
          statuses.filter((status) => status === 200).length,
        ).toBeGreaterThanOrEqual(1);
        expect(
          statuses.every((status) => status === 200 || status === 409),
        ).toBe(true);
        const [after] = await app.dataSource.query<Array<{ n: number }>>(
          'SELECT count(*)::int AS n FROM invites',
        );
        expect(after.n - before.n).toBe(5);
      } finally {
        await second.close();
      }
    });
  });
});

describe('without WEBHOOKS_ALLOW_PRIVATE, with METRICS_ENABLED=false (e2e)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createApp({ METRICS_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it('does not serve /metrics', async () => {
    const response = await request(app.http).get('/metrics').expect(404);
    expect(response.body).toEqual({ error: 'not found', code: 404 });
  });

  it.each([
    'http://127.0.0.1:9/hook',
    'http://[::1]:9/hook',
    'http://localhost:9/hook',
    'http://[::ffff:127.0.0.1]/x',
    'http://169.254.169.254/latest',
  ])('refuses %s with 400 invalid url', async (url) => {
    const response = await request(app.http)
      .post('/api/webhooks')
      .set(bearer(await app.adminToken()))
      .send({ url, events: ['invite.created'] })
      .expect(400);
    expect(response.body).toEqual({ error: 'invalid url', code: 400 });
  });
});
