import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import type { DeliveryJob, FanoutJob, NewEvent } from './webhook-events';

/**
 * The outbox: the events of a change are written in the caller's
 * transaction as one pg-boss job, so a committed change always yields them
 * and a rolled-back one never does. A worker then fans the job out into one
 * delivery job per event and subscribed webhook, off the request path: a
 * batch of 100 invites costs the request one row, not a hundred. With no
 * webhook subscribed to these events the cost is one SELECT on a table of a
 * few rows.
 */
@Injectable()
export class EventOutbox {
  constructor(private readonly jobs: JobQueue) {}

  async record(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const types = [...new Set(events.map((event) => event.type))];
    const [subscribed] = await manager.query<Array<{ any: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM webhooks WHERE events && $1::text[]) AS any`,
      [types],
    );
    if (!subscribed.any) return;
    const createdAt = new Date().toISOString();
    const job: FanoutJob = {
      events: events.map((event) => ({
        id: `msg_${randomUUID().replaceAll('-', '')}`,
        type: event.type,
        createdAt,
        data: event.data,
      })),
      firstAt: Date.now(),
    };
    await this.jobs.insertIn(manager, [
      { name: QUEUES.webhookFanout, data: job },
    ]);
  }

  /**
   * One delivery job per event and webhook subscribed now, in one
   * transaction. Run again after a crash, it repeats the same event ids, so
   * receivers that deduplicate by `webhook-id` see each event once.
   */
  async fanOut(manager: EntityManager, job: FanoutJob): Promise<number> {
    const types = [...new Set(job.events.map((event) => event.type))];
    const webhooks = await manager.query<
      Array<{ id: number; events: string[] }>
    >(`SELECT id, events FROM webhooks WHERE events && $1::text[]`, [types]);
    const deliveries = job.events.flatMap((event) =>
      webhooks
        .filter((webhook) => webhook.events.includes(event.type))
        .map((webhook) => ({
          name: QUEUES.webhookDelivery,
          data: {
            webhookId: webhook.id,
            event,
            attempt: 1,
            firstAt: job.firstAt,
          } satisfies DeliveryJob,
        })),
    );
    await this.jobs.insertIn(manager, deliveries);
    return deliveries.length;
  }
}
