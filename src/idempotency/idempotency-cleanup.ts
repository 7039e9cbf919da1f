import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobQueue, QUEUES } from '../jobs/job-queue';

/** Every 15 minutes one instance (a pg-boss schedule) deletes the expired keys. */
@Injectable()
export class IdempotencyCleanup implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.boss.schedule(QUEUES.idempotencyCleanup, '*/15 * * * *');
    await this.jobs.boss.work(QUEUES.idempotencyCleanup, () =>
      this.deleteExpired(),
    );
  }

  async deleteExpired(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      'DELETE FROM idempotency_keys WHERE expires_at <= now()',
    );
    return count;
  }
}
