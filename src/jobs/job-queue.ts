import {
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { withAdvisoryLock } from '../database/advisory-lock';
import type { SqlParams } from '../database/sql-params';

const SCHEMA = 'pgboss';

/** Arbitrary but fixed, and not the migrations' key. */
const JOB_QUEUE_LOCK_KEY = 7_362_001_915;

/** The queues this service uses, created at start-up (pg-boss 10 needs them to exist before a send). */
export const QUEUES = {
  webhookFanout: 'webhook-fanout',
  webhookDelivery: 'webhook-delivery',
  idempotencyCleanup: 'idempotency-cleanup',
  auditRetention: 'audit-retention',
} as const;

export interface NewJob {
  name: string;
  data: object;
  /** Seconds from now. */
  startAfterSeconds?: number;
}

/**
 * pg-boss on the service's PostgreSQL: one job table shared by every
 * instance, SKIP LOCKED fetching, schedules run by one instance at a time.
 * Jobs can be inserted through a TypeORM transaction, so a job commits or
 * rolls back with the change that caused it (the outbox pattern).
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  readonly boss: PgBoss;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly dataSource: DataSource,
  ) {
    const url = config.get('database', { infer: true }).url;
    this.boss = new PgBoss({
      connectionString: url,
      max: 3,
      schema: SCHEMA,
      // Expired (crashed) jobs are noticed within seconds, not minutes.
      maintenanceIntervalSeconds: 5,
    });
    this.boss.on('error', (error) =>
      this.logger.warn(`job queue: ${error.message}`),
    );
  }

  /**
   * Several instances starting together on an empty database would create
   * pg-boss's schema and queues at the same moment, which PostgreSQL can
   * resolve as a deadlock: one instance at a time sets them up, and the
   * others find them there.
   */
  async onModuleInit(): Promise<void> {
    await withAdvisoryLock(this.dataSource, JOB_QUEUE_LOCK_KEY, () =>
      this.startAndCreateQueues(),
    );
  }

  private async startAndCreateQueues(): Promise<void> {
    await this.boss.start();
    for (const name of Object.values(QUEUES)) {
      if (await this.boss.getQueue(name)) continue;
      try {
        await this.boss.createQueue(name, {
          name,
          // Retries here only cover a worker that died mid-job; delivery
          // schedules its own retries (see webhook-retry.ts).
          retryLimit: 5,
          retryDelay: 5,
          expireInSeconds: 30,
        });
      } catch (error) {
        // Another instance created it at the same moment.
        if (!(await this.boss.getQueue(name))) throw error;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Inserts the jobs in the caller's transaction (one statement for all of them). */
  async insertIn(manager: EntityManager, jobs: NewJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map((job) => ({
        name: job.name,
        data: job.data,
        startAfter:
          job.startAfterSeconds === undefined
            ? undefined
            : `${job.startAfterSeconds} seconds`,
      })),
      { db: executorFor(manager) },
    );
  }
}

/**
 * An INSERT for a CTE of the caller's statement: one job on `queue` whose
 * data is the SQL expression `data`, only when `condition` holds. pg-boss's
 * insert() takes its jobs as JSON from the client, which cannot come from
 * the statement's own rows; this fills the columns it would, from the
 * queue's settings (test/job-queue.e2e-spec.ts compares the two rows).
 */
export function jobInsertStatement(
  queue: string,
  data: string,
  condition: string,
  params: SqlParams,
): string {
  return `INSERT INTO ${SCHEMA}.job (name, data, retry_limit, retry_delay,
      retry_backoff, expire_in, keep_until, dead_letter, policy)
    SELECT q.name, ${data}, COALESCE(q.retry_limit, 2),
      CASE WHEN COALESCE(q.retry_backoff, false)
        THEN GREATEST(COALESCE(q.retry_delay, 0), 1)
        ELSE COALESCE(q.retry_delay, 0) END,
      COALESCE(q.retry_backoff, false),
      COALESCE(q.expire_seconds * interval '1s', interval '15 minutes'),
      now() + COALESCE(q.retention_minutes * interval '1 minute', interval '14 days'),
      q.dead_letter, q.policy
    FROM ${SCHEMA}.queue q
    WHERE q.name = ${params.add(queue)} AND (${condition})`;
}

/** pg-boss's `db` option: its SQL run on the caller's connection and transaction. */
function executorFor(manager: EntityManager): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = (await manager.query(text, values)) as unknown;
      // TypeORM answers UPDATE/DELETE with [rows, count], everything else with rows.
      const rows =
        Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
      return { rows: rows as unknown[] };
    },
  };
}
