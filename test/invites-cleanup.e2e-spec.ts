import request from 'supertest';
import { InvitesCleanupService } from '../src/invites/invites-cleanup.service';
import { createApp, TestApp } from './helpers/create-app';
import { createInvites, InviteBody } from './helpers/invites';
import { WebhookReceiver } from './helpers/webhook-receiver';

async function listedIds(t: TestApp, token: string): Promise<number[]> {
  const response = await request(t.http)
    .get('/api/auth/invite')
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (response.body as InviteBody[]).map((i) => i.id);
}

/** Makes one invite used up, one expired and one revoked, leaving a fourth usable. */
async function spendSome(t: TestApp, token: string) {
  const [usedUp, expired, revoked, fresh] = await createInvites(t, token, {
    count: 4,
  });
  await t.dataSource.query('UPDATE invites SET uses = 1 WHERE id = $1', [
    usedUp.id,
  ]);
  await t.dataSource.query(
    "UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1",
    [expired.id],
  );
  await request(t.http)
    .post(`/api/auth/invite/${revoked.id}/revoke`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return { usedUp, expired, revoked, fresh };
}

describe('invite cleanup (e2e)', () => {
  it('is not scheduled by default, so expired and used-up invites stay listed', async () => {
    const t = await createApp();
    try {
      const admin = await t.adminToken();
      const { usedUp, expired, fresh } = await spendSome(t, admin);
      expect(t.app.get(InvitesCleanupService).scheduled).toBe(false);
      expect(await listedIds(t, admin)).toEqual(
        expect.arrayContaining([usedUp.id, expired.id, fresh.id]),
      );
    } finally {
      await t.close();
    }
  });

  it('deletes expired and used-up invites every INVITES_CLEANUP_INTERVAL seconds, keeping revoked ones', async () => {
    const t = await createApp({ INVITES_CLEANUP_INTERVAL: '1' });
    try {
      const cleanup = t.app.get(InvitesCleanupService);
      expect(cleanup.scheduled).toBe(true);
      const admin = await t.adminToken();
      const { usedUp, expired, revoked, fresh } = await spendSome(t, admin);
      const unlimited = (await createInvites(t, admin, { maxUses: null }))[0];
      await t.dataSource.query('UPDATE invites SET uses = 50 WHERE id = $1', [
        unlimited.id,
      ]);

      // A pass that starts after the set-up: the one after the next to end.
      await cleanup.nextRun();
      await cleanup.nextRun();
      const ids = await listedIds(t, admin);
      expect(ids).not.toContain(usedUp.id);
      expect(ids).not.toContain(expired.id);
      expect(ids).toContain(revoked.id);
      expect(ids).toContain(fresh.id);
      expect(ids).toContain(unlimited.id);
    } finally {
      await t.close();
    }
  });

  it("records each deletion like an administrator's: an audit entry with no actor and an invite.deleted event", async () => {
    const t = await createApp({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
    const receiver = await WebhookReceiver.start();
    try {
      const admin = await t.adminToken();
      const subscribed = await request(t.http)
        .post('/api/webhooks')
        .set('Authorization', `Bearer ${admin}`)
        .send({ url: receiver.url, events: ['invite.deleted'] })
        .expect(200);
      receiver.secret = (subscribed.body as { secret: string }).secret;
      const { usedUp } = await spendSome(t, admin);
      const before = await request(t.http)
        .get(`/api/auth/invite/${usedUp.id}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);

      expect(await t.app.get(InvitesCleanupService).runOnce()).toBe(2);

      const entries = await t.dataSource.query<
        Array<{ target_id: string; actor_user_id: number | null }>
      >(
        `SELECT target_id, actor_user_id FROM audit_log
         WHERE action = 'invite.deleted' ORDER BY target_id::int`,
      );
      expect(entries.map((entry) => entry.actor_user_id)).toEqual([null, null]);
      expect(entries.map((entry) => Number(entry.target_id))).toContain(
        usedUp.id,
      );
      await receiver.waitFor((received) => received.length >= 2);
      const deleted = receiver.received.find(
        (event) => (event.body.data as { id: number }).id === usedUp.id,
      );
      expect(deleted?.verified).toBe(true);
      expect(deleted?.body).toMatchObject({
        type: 'invite.deleted',
        data: before.body as object,
      });
    } finally {
      await receiver.close();
      await t.close();
    }
  });

  it("deletes a backlog larger than one transaction's share, auditing every invite", async () => {
    const t = await createApp();
    try {
      await t.adminToken();
      await t.dataSource.query(
        `INSERT INTO invites (code, uses, max_uses, created_by_id)
         SELECT 'spent' || n, 1, 1, (SELECT min(id) FROM users)
         FROM generate_series(1, 1201) AS n`,
      );
      expect(await t.app.get(InvitesCleanupService).runOnce()).toBe(1201);
      const [row] = await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'invite.deleted'`,
      );
      expect(row.n).toBe(1201);
    } finally {
      await t.close();
    }
  });
});
