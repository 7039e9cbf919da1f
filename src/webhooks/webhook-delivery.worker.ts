import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'pg-boss';
import { Webhook as Signer } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import { Metrics } from '../metrics/metrics.service';
import { readRows } from '../database/read-rows';
import { EventOutbox } from './event-outbox';
import type { DeliveryJob, FanoutJob } from './webhook-events';
import { eventPayload } from './event-payload';
import { RETRY_WINDOW_MS, retryDelaySeconds } from './webhook-retry';
import { postJson } from './webhook-sender';
import { parseWebhookUrl, vetUrl } from './url-vetting';

type Outcome =
  | { status: 'delivered'; responseCode: number }
  | {
      status: 'failed' | 'abandoned';
      responseCode: number | null;
      error: string;
    };

/**
 * Delivers webhook jobs from pg-boss, on every instance whose
 * WEBHOOKS_WORKER is true (SKIP LOCKED gives each job to one of them); the
 * others only record events, so delivery can run apart from the API. One attempt per job: its row in the delivery
 * log and, when it failed, the job of the next attempt are one transaction.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly jobs: JobQueue,
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly metrics: Metrics,
    private readonly outbox: EventOutbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('webhooks', { infer: true }).worker) {
      this.logger.log(
        'WEBHOOKS_WORKER=false: this instance records webhook events and leaves their delivery to others',
      );
      return;
    }
    await this.jobs.boss.work<FanoutJob>(
      QUEUES.webhookFanout,
      { batchSize: 10, pollingIntervalSeconds: 0.5 },
      (jobs) =>
        this.dataSource.transaction(async (manager) => {
          for (const job of jobs) {
            await this.outbox.fanOut(manager, job.id, job.data);
          }
        }),
    );
    await this.jobs.boss.work<DeliveryJob>(
      QUEUES.webhookDelivery,
      { batchSize: 50, pollingIntervalSeconds: 0.5 },
      (jobs) => this.deliver(jobs),
    );
  }

  /**
   * One attempt for each job of a fetch, side by side; then their rows in
   * the delivery log and the jobs of the next attempts in one transaction
   * (a few statements per batch, not per delivery).
   */
  async deliver(jobs: Array<Job<DeliveryJob>>): Promise<void> {
    const webhooks = new Map(
      (
        await readRows<{ id: number; url: string; secret: string }>(
          this.dataSource,
          'SELECT id, url, secret FROM webhooks WHERE id = ANY($1::int[])',
          [[...new Set(jobs.map((job) => job.data.webhookId))]],
        )
      ).map((webhook) => [webhook.id, webhook]),
    );
    const { retryBaseSeconds } = this.config.get('webhooks', { infer: true });
    // Jobs of webhooks deleted since have nothing to deliver to.
    const live = jobs.filter((job) => webhooks.has(job.data.webhookId));
    const results = await Promise.all(
      live.map(async ({ data }) => {
        const outcome = await this.attempt(webhooks.get(data.webhookId)!, data);
        const delay = retryDelaySeconds(data.attempt, retryBaseSeconds);
        if (
          outcome.status === 'failed' &&
          Date.now() + delay * 1000 > data.firstAt + RETRY_WINDOW_MS
        ) {
          outcome.status = 'abandoned';
        }
        return { data, outcome, delay, at: new Date() };
      }),
    );
    if (results.length === 0) return;
    const column = <T>(pick: (result: (typeof results)[number]) => T) =>
      results.map(pick);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt, status, response_code, error, delivered_at)
         SELECT * FROM unnest($1::int[], $2::varchar[], $3::varchar[], $4::int[], $5::varchar[], $6::int[], $7::varchar[], $8::timestamptz[])`,
        [
          column((r) => r.data.webhookId),
          column((r) => r.data.event.id),
          column((r) => r.data.event.type),
          column((r) => r.data.attempt),
          column((r) => r.outcome.status),
          column((r) => r.outcome.responseCode),
          column((r) =>
            r.outcome.status === 'delivered'
              ? null
              : r.outcome.error.slice(0, 500),
          ),
          column((r) => (r.outcome.status === 'delivered' ? r.at : null)),
        ],
      );
      // Each retry's delay counts from its own attempt, not from the end of
      // the batch, which waits for its slowest receiver (up to 10 s).
      const now = Date.now();
      await this.jobs.insertIn(
        manager,
        results
          .filter((r) => r.outcome.status === 'failed')
          .map((r) => ({
            name: QUEUES.webhookDelivery,
            data: { ...r.data, attempt: r.data.attempt + 1 },
            startAfterSeconds: Math.max(
              0,
              r.delay - (now - r.at.getTime()) / 1000,
            ),
          })),
      );
    });
    for (const { outcome } of results) {
      this.metrics.webhookDeliveries.inc({ outcome: outcome.status });
    }
  }

  private async attempt(
    webhook: { url: string; secret: string },
    job: DeliveryJob,
  ): Promise<Outcome> {
    const { event } = job;
    try {
      const url = parseWebhookUrl(webhook.url);
      if (!url) throw new Error('invalid url');
      const target = await vetUrl(
        url,
        this.config.get('webhooks', { infer: true }).allowPrivate,
      );
      const body = eventPayload(event);
      const timestamp = new Date();
      const headers = {
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': new Signer(webhook.secret).sign(
          event.id,
          timestamp,
          body,
        ),
      };
      const code = await postJson(target, headers, body);
      if (code >= 200 && code < 300)
        return { status: 'delivered', responseCode: code };
      return { status: 'failed', responseCode: code, error: `HTTP ${code}` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `delivery of ${event.id} to webhook ${job.webhookId} failed: ${message}`,
      );
      return { status: 'failed', responseCode: null, error: message };
    }
  }
}
