import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import type { RequestContext } from '../audit/request-context';
import type { IdPageQuery } from '../common/paging/id-page-query';
import type { AppConfig } from '../config/configuration';
import { readRows } from '../database/read-rows';
import { parseWebhookUrl, UrlRefusedError, vetUrl } from './url-vetting';
import { WEBHOOK_EVENTS, type WebhookEventType } from './webhook-events';
import {
  CreatedWebhookResponse,
  toWebhookResponse,
  WEBHOOK_COLUMNS,
  WebhookDeliveryResponse,
  WebhookResponse,
  WebhookRow,
} from './webhook-response';
import {
  InvalidEventsError,
  InvalidUrlError,
  WebhookNotFoundError,
} from './webhooks.errors';
import { INT4_MAX } from '../database/postgres-int';

export function parseEvents(value: unknown): WebhookEventType[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every(
      (event): event is WebhookEventType =>
        typeof event === 'string' &&
        (WEBHOOK_EVENTS as readonly string[]).includes(event),
    )
  ) {
    throw new InvalidEventsError();
  }
  return [...new Set(value)];
}

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async create(
    body: { url?: unknown; events?: unknown },
    createdById: number,
    context: RequestContext,
  ): Promise<CreatedWebhookResponse> {
    const url = parseWebhookUrl(body.url);
    if (!url) throw new InvalidUrlError();
    const events = parseEvents(body.events);
    try {
      await vetUrl(
        url,
        this.config.get('webhooks', { infer: true }).allowPrivate,
      );
    } catch (error) {
      if (error instanceof UrlRefusedError) throw new InvalidUrlError();
      throw error;
    }
    // Standard Webhooks' format: whsec_ and 24 random bytes in base64.
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<WebhookRow[]>(
        `INSERT INTO webhooks (url, events, secret, created_by_id)
         VALUES ($1, $2, $3, $4) RETURNING ${WEBHOOK_COLUMNS}`,
        [url.toString(), events, secret, createdById],
      );
      await this.audit.record(manager, context, {
        action: 'webhook.created',
        target: { type: 'webhook', id: row.id },
      });
      return { ...toWebhookResponse(row), secret };
    });
  }

  async list(): Promise<WebhookResponse[]> {
    const rows = await readRows<WebhookRow>(
      this.dataSource,
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY id DESC`,
    );
    return rows.map(toWebhookResponse);
  }

  async delete(id: number, context: RequestContext): Promise<WebhookResponse> {
    if (!isId(id)) throw new WebhookNotFoundError();
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[WebhookRow[], number]>(
        `DELETE FROM webhooks WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
        [id],
      );
      if (rows.length === 0) throw new WebhookNotFoundError();
      await this.audit.record(manager, context, {
        action: 'webhook.deleted',
        target: { type: 'webhook', id },
      });
      return toWebhookResponse(rows[0]);
    });
  }

  /** Latest first, one row beyond the page (idPage cuts it). */
  async deliveries(
    id: number,
    query: IdPageQuery,
  ): Promise<WebhookDeliveryResponse[]> {
    if (!isId(id)) throw new WebhookNotFoundError();
    const exists = await readRows(
      this.dataSource,
      'SELECT 1 FROM webhooks WHERE id = $1',
      [id],
    );
    if (exists.length === 0) throw new WebhookNotFoundError();
    const rows = await readRows<{
      id: string;
      event_id: string;
      type: string;
      attempt: number;
      status: string;
      response_code: number | null;
      error: string | null;
      created_at: Date;
      delivered_at: Date | null;
    }>(
      this.dataSource,
      `SELECT id, event_id, type, attempt, status, response_code, error, created_at, delivered_at
       FROM webhook_deliveries
       WHERE webhook_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
       ORDER BY id DESC LIMIT $3`,
      [id, query.before ?? null, query.limit + 1],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      eventId: row.event_id,
      type: row.type,
      attempt: row.attempt,
      status: row.status,
      responseCode: row.response_code,
      error: row.error,
      createdAt: row.created_at.toISOString(),
      deliveredAt: row.delivered_at?.toISOString() ?? null,
    }));
  }
}

function isId(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 1 && id <= INT4_MAX;
}
