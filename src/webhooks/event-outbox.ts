import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import type { SqlParams } from '../database/sql-params';
import { inviteLinkBase, toInviteResponse } from '../invites/invite-response';
import { JobQueue, jobInsertStatement, QUEUES } from '../jobs/job-queue';
import type {
  DeliveryJob,
  FanoutJob,
  NewEvent,
  OutboxEvent,
  WebhookEventType,
} from './webhook-events';

/** An event id as Standard Webhooks receivers deduplicate by. */
const EVENT_ID_SQL = `'msg_' || replace(gen_random_uuid()::text, '-', '')`;
const ISO_NOW_SQL = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The outbox: the events of a change are written with it, in its
 * transaction or its statement, as one pg-boss job, so a committed change
 * always yields them and a rolled-back one never does. A worker then fans
 * the job out into one delivery job per event and subscribed webhook, off
 * the request path: a batch of 100 invites costs the request one row, not
 * a hundred. With no webhook subscribed to these events nothing is written.
 */
@Injectable()
export class EventOutbox {
  private readonly linkBase: string;

  constructor(
    private readonly jobs: JobQueue,
    config: ConfigService<AppConfig, true>,
  ) {
    this.linkBase = inviteLinkBase(
      config.get('invites', { infer: true }).publicUrl,
    );
  }

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
   * An INSERT for a CTE of the caller's statement: one `type` event per row
   * of `source` (a CTE returning InviteRows), as one fan-out job, written
   * only when a webhook subscribes to `type`.
   */
  invitesPerRow(
    source: string,
    type: WebhookEventType,
    params: SqlParams,
  ): string {
    const eventType = `${params.add(type)}::text`;
    const job = `jsonb_build_object(
      'firstAt', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint,
      'events', (SELECT jsonb_agg(jsonb_build_object('id', ${EVENT_ID_SQL},
          'type', ${eventType}, 'createdAt', ${ISO_NOW_SQL}, 'invite', to_jsonb(r))
        ORDER BY r.id) FROM ${source} r))`;
    const wanted = `EXISTS (SELECT 1 FROM webhooks WHERE ${eventType} = ANY (events))
      AND EXISTS (SELECT 1 FROM ${source})`;
    return jobInsertStatement(QUEUES.webhookFanout, job, wanted, params);
  }

  /**
   * One delivery job per event and webhook subscribed now, in one
   * transaction. Run again after a crash, it repeats the same event ids, so
   * receivers that deduplicate by `webhook-id` see each event once.
   */
  async fanOut(manager: EntityManager, job: FanoutJob): Promise<number> {
    const events = job.events.map((event): OutboxEvent => {
      if (!('invite' in event)) return event;
      const { invite, ...rest } = event;
      return { ...rest, data: toInviteResponse(invite, this.linkBase) };
    });
    const types = [...new Set(events.map((event) => event.type))];
    const webhooks = await manager.query<
      Array<{ id: number; events: string[] }>
    >(`SELECT id, events FROM webhooks WHERE events && $1::text[]`, [types]);
    const deliveries = events.flatMap((event) =>
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
