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
 * Delivers webhook jobs from pg-boss, on every instance (SKIP LOCKED gives
 * each job to one of them). One attempt per job: its row in the delivery
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
    await this.jobs.boss.work<FanoutJob>(
      QUEUES.webhookFanout,
      { batchSize: 10, pollingIntervalSeconds: 0.5 },
      (jobs) =>
        this.dataSource.transaction(async (manager) => {
          for (const job of jobs) await this.outbox.fanOut(manager, job.data);
        }),
    );
    await this.jobs.boss.work<DeliveryJob>(
      QUEUES.webhookDelivery,
      { batchSize: 50, pollingIntervalSeconds: 0.5 },
      // Deliveries of one fetch run side by side; each settles on its own.
      (jobs) => Promise.all(jobs.map((job) => this.deliver(job))),
    );
  }

  async deliver(job: Job<DeliveryJob>): Promise<void> {
    const { webhookId, event, attempt, firstAt } = job.data;
    const [webhook] = await readRows<{ url: string; secret: string }>(
      this.dataSource,
      'SELECT url, secret FROM webhooks WHERE id = $1',
      [webhookId],
    );
    if (!webhook) return; // deleted since: nothing to deliver to

    const outcome = await this.attempt(webhook, job.data);
    const settings = this.config.get('webhooks', { infer: true });
    const delay = retryDelaySeconds(attempt, settings.retryBaseSeconds);
    if (
      outcome.status === 'failed' &&
      Date.now() + delay * 1000 > firstAt + RETRY_WINDOW_MS
    ) {
      outcome.status = 'abandoned';
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, type, attempt, status, response_code, error, delivered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          webhookId,
          event.id,
          event.type,
          attempt,
          outcome.status,
          outcome.responseCode,
          outcome.status === 'delivered' ? null : outcome.error.slice(0, 500),
          outcome.status === 'delivered' ? new Date() : null,
        ],
      );
      if (outcome.status === 'failed') {
        await this.jobs.insertIn(manager, [
          {
            name: QUEUES.webhookDelivery,
            data: { ...job.data, attempt: attempt + 1 },
            startAfterSeconds: delay,
          },
        ]);
      }
    });
    this.metrics.webhookDeliveries.inc({ outcome: outcome.status });
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
      const body = JSON.stringify({
        id: event.id,
        type: event.type,
        createdAt: event.createdAt,
        data: event.data,
      });
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
