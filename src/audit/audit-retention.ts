import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { JobQueue, QUEUES } from '../jobs/job-queue';

/** Small enough for one statement to stay well within the statement timeout. */
const DELETE_BATCH = 5000;

/**
 * AUDIT_RETENTION: every hour one instance (a pg-boss schedule) deletes the
 * entries older than the retention. Unset (`forever`), the schedule is
 * removed, so a retention dropped from the configuration stops deleting.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap {
  private readonly retentionMs: number | null;

  constructor(
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.retentionMs = config.get('audit', { infer: true }).retentionMs;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.retentionMs === null) {
      await this.jobs.boss.unschedule(QUEUES.auditRetention);
      return;
    }
    await this.jobs.boss.schedule(QUEUES.auditRetention, '17 * * * *');
    await this.jobs.boss.work(QUEUES.auditRetention, () =>
      this.deleteExpired(),
    );
  }

  /** Deletes in batches (a first run may find years of entries); returns how many. */
  async deleteExpired(): Promise<number> {
    if (this.retentionMs === null) return 0;
    let deleted = 0;
    for (;;) {
      const [, count] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM audit_log WHERE id IN (
           SELECT id FROM audit_log
           WHERE at < now() - make_interval(secs => $1)
           LIMIT $2)`,
        [this.retentionMs / 1000, DELETE_BATCH],
      );
      deleted += count;
      if (count < DELETE_BATCH) return deleted;
    }
  }
}
