import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import type { SqlParams } from '../database/sql-params';
import { inviteLinkBase, toInviteResponse } from '../invites/invite-response';
import { JobQueue, jobInsertStatement, QUEUES } from '../jobs/job-queue';
import type {
  CreatedInvites,
  DeliveryJob,
  FanoutJob,
  NewEvent,
  OutboxEvent,
} from './webhook-events';

/** An event id as Standard Webhooks receivers deduplicate by. */
function newEventId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`;
}

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
        id: newEventId(),
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
   * An INSERT for a CTE of the caller's statement: the `invite.created`
   * events of the batch that `source` (a CTE returning InviteRows) inserts,
   * as one fan-out job, written only when a webhook subscribes to them.
   */
  invitesCreatedSql(source: string, params: SqlParams): string {
    const firstAt = Date.now();
    // Any row serves as `first`: the rows of one INSERT differ only in id and code.
    const job = `jsonb_build_object(
      'firstAt', ${params.add(firstAt)}::bigint,
      'events', '[]'::jsonb,
      'created', jsonb_build_object(
        'createdAt', ${params.add(new Date(firstAt).toISOString())}::text,
        'first', (SELECT to_jsonb(one) FROM ${source} one LIMIT 1),
        'ids', jsonb_agg(r.id ORDER BY r.id),
        'codes', jsonb_agg(r.code ORDER BY r.id)))`;
    const queue = QUEUES.webhookFanout;
    return `${jobInsertStatement(queue, this.jobs.settingsOf(queue), job)}
      FROM ${source} r
      WHERE EXISTS (SELECT 1 FROM webhooks WHERE 'invite.created' = ANY (events))
      HAVING count(*) > 0`;
  }

  /**
   * One delivery job per event and webhook subscribed now, in one
   * transaction. Run again after a crash, it repeats the same event ids, so
   * receivers that deduplicate by `webhook-id` see each event once.
   */
  async fanOut(
    manager: EntityManager,
    jobId: string,
    job: FanoutJob,
  ): Promise<number> {
    const events = job.created
      ? [...job.events, ...this.createdEvents(jobId, job.created)]
      : job.events;
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

  /**
   * The batch's events, their ids derived from the job's id and the
   * invite's, so a fan-out run again after a crash repeats them.
   */
  private createdEvents(jobId: string, batch: CreatedInvites): OutboxEvent[] {
    return batch.ids.map((id, i) => ({
      id: `msg_${createHash('sha256').update(`${jobId}:${id}`).digest('hex').slice(0, 32)}`,
      type: 'invite.created',
      createdAt: batch.createdAt,
      data: toInviteResponse(
        { ...batch.first, id, code: batch.codes[i] },
        this.linkBase,
      ),
    }));
  }
}
