import type PgBoss from 'pg-boss';
import {
  JobQueue,
  jobInsertStatement,
  jobSettingsOf,
  type JobSettings,
} from '../src/jobs/job-queue';
import { createApp, TestApp } from './helpers/create-app';

const QUEUE = 'job-insert-statement-test';
/** A queue created without settings: pg-boss's defaults apply. */
const BARE_QUEUE = 'job-insert-statement-defaults';

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
  const settings: Record<string, JobSettings> = {};

  async function createQueue(
    name: string,
    options: Partial<PgBoss.Queue> = {},
  ): Promise<JobSettings> {
    await jobs.boss.createQueue(name, { name, ...options });
    const queue = await jobs.boss.getQueue(name);
    if (!queue) throw new Error(`the queue ${name} was not created`);
    return jobSettingsOf(queue);
  }

  /**
   * One job by pg-boss's insert() and one by the statement: their rows,
   * data left out.
   */
  async function insertBothWays(
    queue: string,
    queueSettings: JobSettings,
  ): Promise<Array<Omit<JobRow, 'data'>>> {
    await jobs.boss.insert([{ name: queue, data: { via: 'pg-boss' } }]);
    await t.dataSource.query(
      `WITH source AS (SELECT 1) , inserted AS (${jobInsertStatement(
        queue,
        queueSettings,
        `jsonb_build_object('via', 'statement')`,
      )} FROM source) SELECT 1`,
    );
    const rows = await t.dataSource.query<JobRow[]>(
      `SELECT name, data, state, priority, retry_limit, retry_delay,
         retry_backoff, expire_in::text, dead_letter, policy,
         date_trunc('minute', keep_until - created_on)::text AS retention
       FROM pgboss.job WHERE name = $1 ORDER BY data->>'via'`,
      [queue],
    );
    expect(rows.map((row) => row.data.via)).toEqual(['pg-boss', 'statement']);
    return rows.map(({ data: _data, ...row }) => row);
  }

  beforeAll(async () => {
    t = await createApp();
    jobs = t.app.get(JobQueue);
    settings[BARE_QUEUE] = await createQueue(BARE_QUEUE);
    settings[QUEUE] = await createQueue(QUEUE, {
      retryLimit: 4,
      retryDelay: 3,
      retryBackoff: true,
      expireInSeconds: 42,
      retentionMinutes: 90,
    });
  });

  afterAll(() => t.close());

  it.each([
    {
      queue: QUEUE,
      expected: {
        retry_limit: 4,
        retry_delay: 3,
        retry_backoff: true,
        expire_in: '00:00:42',
        retention: '01:30:00',
      },
    },
    {
      queue: BARE_QUEUE,
      expected: {
        retry_limit: 2,
        retry_delay: 0,
        retry_backoff: false,
        expire_in: '00:15:00',
        retention: '14 days',
      },
    },
  ])(
    'writes the row pg-boss would on $queue, and pg-boss fetches it',
    async ({ queue, expected }) => {
      const [byBoss, byStatement] = await insertBothWays(
        queue,
        settings[queue],
      );
      expect(byStatement).toEqual(byBoss);
      expect(byBoss).toMatchObject(expected);

      const fetched = await jobs.boss.fetch<{ via: string }>(queue, {
        batchSize: 10,
      });
      expect(fetched.map((job) => job.data.via).sort()).toEqual([
        'pg-boss',
        'statement',
      ]);
    },
  );

  it('writes nothing when the condition is false', async () => {
    await t.dataSource.query(
      `WITH inserted AS (${jobInsertStatement(QUEUE, settings[QUEUE], `'{}'::jsonb`)} WHERE false) SELECT 1`,
    );
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`,
      [QUEUE],
    );
    expect(n).toBe(0);
  });
});
