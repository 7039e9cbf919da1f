import request from 'supertest';
import { InvitesCleanupService } from '../src/invites/invites-cleanup.service';
import { createApp, TestApp } from './helpers/create-app';
import { createInvites, InviteBody } from './helpers/invites';

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
});
