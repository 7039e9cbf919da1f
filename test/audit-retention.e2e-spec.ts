import { AuditRetention } from '../src/audit/audit-retention';
import { createApp, type TestApp } from './helpers/create-app';

/** Audit entries dated `daysAgo`, with the actions named after their age. */
async function insertEntries(app: TestApp, daysAgo: number[]): Promise<void> {
  await app.dataSource.query(
    `INSERT INTO audit_log (at, action, target_type, target_id)
     SELECT now() - make_interval(days => d), 'user.login', 'user', d::text
     FROM unnest($1::int[]) AS d`,
    [daysAgo],
  );
}

async function agesKept(app: TestApp): Promise<string[]> {
  const rows = await app.dataSource.query<Array<{ target_id: string }>>(
    `SELECT target_id FROM audit_log WHERE action = 'user.login' ORDER BY at`,
  );
  return rows.map((row) => row.target_id);
}

describe('audit retention (e2e)', () => {
  it('with AUDIT_RETENTION=30d deletes the entries older than 30 days, and only those', async () => {
    const app = await createApp({ AUDIT_RETENTION: '30d' });
    try {
      await insertEntries(app, [400, 31, 29, 0]);
      // More than one batch of deletions.
      await app.dataSource.query(
        `INSERT INTO audit_log (at, action) SELECT now() - interval '100 days', 'user.logout'
         FROM generate_series(1, 12000)`,
      );
      expect(await app.app.get(AuditRetention).deleteExpired()).toBe(12002);
      expect(await agesKept(app)).toEqual(['29', '0']);
    } finally {
      await app.close();
    }
  });

  it('keeps every entry by default', async () => {
    const app = await createApp();
    try {
      await insertEntries(app, [4000, 1]);
      expect(await app.app.get(AuditRetention).deleteExpired()).toBe(0);
      expect(await agesKept(app)).toEqual(['4000', '1']);
    } finally {
      await app.close();
    }
  });
});
