import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';
import { createInvites, InviteBody } from './helpers/invites';

async function listedIds(t: TestApp, token: string): Promise<number[]> {
  const response = await request(t.http)
    .get('/api/auth/invite')
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (response.body as InviteBody[]).map((i) => i.id);
}

/** Makes one invite used up and one expired, leaving a third usable. */
async function spendSome(t: TestApp, token: string) {
  const [usedUp, expired, fresh] = await createInvites(t, token, { count: 3 });
  await t.dataSource.query('UPDATE invites SET uses = 1 WHERE id = $1', [
    usedUp.id,
  ]);
  await t.dataSource.query(
    "UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1",
    [expired.id],
  );
  return { usedUp, expired, fresh };
}

describe('invite cleanup (e2e)', () => {
  it('keeps expired and used-up invites listed by default', async () => {
    const t = await createApp();
    try {
      const admin = await t.adminToken();
      const { usedUp, expired, fresh } = await spendSome(t, admin);
      // Longer than the shortest interval the job could have: nothing may run.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await listedIds(t, admin)).toEqual(
        expect.arrayContaining([usedUp.id, expired.id, fresh.id]),
      );
    } finally {
      await t.close();
    }
  });

  it('deletes expired and used-up invites every INVITES_CLEANUP_INTERVAL seconds', async () => {
    const t = await createApp({ INVITES_CLEANUP_INTERVAL: '1' });
    try {
      const admin = await t.adminToken();
      const { usedUp, expired, fresh } = await spendSome(t, admin);
      const unlimited = (await createInvites(t, admin, { maxUses: null }))[0];
      await t.dataSource.query('UPDATE invites SET uses = 50 WHERE id = $1', [
        unlimited.id,
      ]);

      let ids = await listedIds(t, admin);
      for (let tries = 0; tries < 50 && ids.includes(usedUp.id); tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ids = await listedIds(t, admin);
      }
      expect(ids).not.toContain(usedUp.id);
      expect(ids).not.toContain(expired.id);
      expect(ids).toContain(fresh.id);
      expect(ids).toContain(unlimited.id);
    } finally {
      await t.close();
    }
  });
});
