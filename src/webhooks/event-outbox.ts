import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JobQueue, QUEUES } from '../jobs/job-queue';
import type { DeliveryJob, NewEvent } from './webhook-events';

/**
 * The outbox: events are written in the caller's transaction as delivery
 * jobs, one per event and matching webhook, so a committed change always
 * yields its deliveries and a rolled-back one none. With no webhook
 * subscribed this costs one SELECT on a table of a few rows.
 */
@Injectable()
export class EventOutbox {
  constructor(private readonly jobs: JobQueue) {}

  async record(manager: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const types = [...new Set(events.map((event) => event.type))];
    const webhooks = await manager.query<
      Array<{ id: number; events: string[] }>
    >(`SELECT id, events FROM webhooks WHERE events && $1::text[]`, [types]);
    if (webhooks.length === 0) return;
    const createdAt = new Date().toISOString();
    const firstAt = Date.now();
    const jobs = events.flatMap((event) => {
      const outgoing = {
        id: `msg_${randomUUID().replaceAll('-', '')}`,
        type: event.type,
        createdAt,
        data: event.data,
      };
      return webhooks
        .filter((webhook) => webhook.events.includes(event.type))
        .map((webhook) => ({
          name: QUEUES.webhookDelivery,
          data: {
            webhookId: webhook.id,
            event: outgoing,
            attempt: 1,
            firstAt,
          } satisfies DeliveryJob,
        }));
    });
    await this.jobs.insertIn(manager, jobs);
  }
}
