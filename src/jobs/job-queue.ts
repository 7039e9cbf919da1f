import {
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { escapeLiteral } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { withAdvisoryLock } from '../database/advisory-lock';

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
  private readonly settings = new Map<string, JobSettings>();

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
      const queue =
        (await this.boss.getQueue(name)) ?? (await this.createQueue(name));
      this.settings.set(name, jobSettingsOf(queue));
    }
  }

  private async createQueue(name: string): Promise<PgBoss.QueueResult> {
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
      // Another instance may have created it at the same moment.
      const queue = await this.boss.getQueue(name);
      if (queue) return queue;
      throw error;
    }
    const queue = await this.boss.getQueue(name);
    if (!queue) throw new Error(`job queue ${name} was not created`);
    return queue;
  }

  /**
   * The settings a job of one of QUEUES takes, as read at start-up (a
   * later updateQueue applies from the next start).
   */
  settingsOf(queue: string): JobSettings {
    const settings = this.settings.get(queue);
    if (!settings) throw new Error(`unknown job queue: ${queue}`);
    return settings;
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

/** What pg-boss's insert() copies from a queue's settings into each job. */
export interface JobSettings {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  retentionSeconds: number;
  deadLetter: string | null;
  policy: string | null;
}

/** A queue's settings, with the defaults pg-boss's insert() falls back to. */
export function jobSettingsOf(queue: PgBoss.QueueResult): JobSettings {
  const retryBackoff = queue.retryBackoff ?? false;
  const retryDelay = queue.retryDelay ?? 0;
  return {
    retryLimit: queue.retryLimit ?? 2,
    retryDelay: retryBackoff ? Math.max(retryDelay, 1) : retryDelay,
    retryBackoff,
    expireInSeconds: queue.expireInSeconds ?? 15 * 60,
    retentionSeconds: (queue.retentionMinutes ?? 14 * 24 * 60) * 60,
    deadLetter: queue.deadLetter ?? null,
    policy: queue.policy ?? null,
  };
}

/**
 * The head of an INSERT for a CTE of the caller's statement: one job on
 * `queue` whose data is the SQL expression `data`. The caller appends the
 * FROM, WHERE or HAVING that decides whether the row is written. pg-boss's
 * insert() takes its jobs as JSON from the client, which cannot come from
 * the statement's own rows; this fills the columns it would
 * (test/job-queue.e2e-spec.ts compares the two rows). The settings, read
 * at start-up, go in as literals: a join on pgboss.queue would be planned
 * with every statement.
 */
export function jobInsertStatement(
  queue: string,
  settings: JobSettings,
  data: string,
): string {
  const seconds = (n: number) => `interval '${integer(n)} seconds'`;
  return `INSERT INTO ${SCHEMA}.job (name, data, retry_limit, retry_delay,
      retry_backoff, expire_in, keep_until, dead_letter, policy)
    SELECT ${escapeLiteral(queue)}, ${data}, ${integer(settings.retryLimit)},
      ${integer(settings.retryDelay)}, ${settings.retryBackoff},
      ${seconds(settings.expireInSeconds)},
      now() + ${seconds(settings.retentionSeconds)},
      ${textOrNull(settings.deadLetter)}, ${textOrNull(settings.policy)}`;
}

function integer(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

function textOrNull(text: string | null): string {
  return text === null ? 'NULL' : escapeLiteral(text);
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
