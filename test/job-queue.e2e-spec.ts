import { SqlParams } from '../src/database/sql-params';
import { JobQueue, jobInsertStatement } from '../src/jobs/job-queue';
import { createApp, TestApp } from './helpers/create-app';

const QUEUE = 'job-insert-statement-test';

/** The columns of a job that pg-boss fills from the queue's settings. */
interface JobRow {
  name: string;
  data: { via: string };
  state: string;
  priority: number;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
  expire_in: string;
  dead_letter: string | null;
  policy: string | null;
  retention: string;
}

/**
 * jobInsertStatement writes pgboss.job itself, so a pg-boss upgrade that
 * changes the table or the queue's settings must fail here, not in
 * production: its row must equal the one pg-boss's own insert() writes.
 */
describe('jobs inserted by a statement (e2e)', () => {
  let t: TestApp;
  let jobs: JobQueue;

  beforeAll(async () => {
    t = await createApp();
    jobs = t.app.get(JobQueue);
    await jobs.boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: 4,
      retryDelay: 3,
      retryBackoff: true,
      expireInSeconds: 42,
      retentionMinutes: 90,
    });
  });

  afterAll(() => t.close());

  it('writes the row pg-boss would, and pg-boss fetches it', async () => {
    await jobs.boss.insert([{ name: QUEUE, data: { via: 'pg-boss' } }]);
    const params = new SqlParams();
    await t.dataSource.query(
      `WITH source AS (SELECT 1) , inserted AS (${jobInsertStatement(
        QUEUE,
        `jsonb_build_object('via', 'statement')`,
        'EXISTS (SELECT 1 FROM source)',
        params,
      )}) SELECT 1`,
      params.values,
    );

    const rows = await t.dataSource.query<JobRow[]>(
      `SELECT name, data, state, priority, retry_limit, retry_delay,
         retry_backoff, expire_in::text, dead_letter, policy,
         date_trunc('minute', keep_until - created_on)::text AS retention
       FROM pgboss.job WHERE name = $1 ORDER BY data->>'via'`,
      [QUEUE],
    );
    expect(rows.map((row) => row.data.via)).toEqual(['pg-boss', 'statement']);
    const [byBoss, byStatement] = rows.map(({ data: _data, ...row }) => row);
    expect(byStatement).toEqual(byBoss);
    expect(byBoss).toMatchObject({
      retry_limit: 4,
      retry_delay: 3,
      retry_backoff: true,
      expire_in: '00:00:42',
      retention: '01:30:00',
    });

    const fetched = await jobs.boss.fetch<{ via: string }>(QUEUE, {
      batchSize: 10,
    });
    expect(fetched.map((job) => job.data.via).sort()).toEqual([
      'pg-boss',
      'statement',
    ]);
  });

  it('writes nothing when the condition is false', async () => {
    const params = new SqlParams();
    await t.dataSource.query(
      `WITH inserted AS (${jobInsertStatement(QUEUE, `'{}'::jsonb`, 'false', params)}) SELECT 1`,
      params.values,
    );
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`,
      [QUEUE],
    );
    expect(n).toBe(0);
  });
});
