import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { readRows } from '../database/read-rows';
import type { IdPageQuery } from '../common/paging/id-page-query';
import { currentRequestContext } from './request-context';

/** Every action the log knows; a closed list, so no free text (and no secret) gets in. */
export const AUDIT_ACTIONS = [
  'invite.created',
  'invite.updated',
  'invite.revoked',
  'invite.unrevoked',
  'invite.deleted',
  'user.registered',
  'user.login',
  'user.login_failed',
  'user.logout',
  'user.created',
  'user.password_changed',
  'user.administrator_granted',
  'user.administrator_revoked',
  'user.disabled',
  'user.deleted',
  'api_key.created',
  'api_key.deleted',
  'webhook.created',
  'webhook.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  target?: { type: string; id: string | number | null };
  /** Defaults to the current request's actor; the CLI and failed logins pass their own. */
  actor?: { userId: number | null; apiKeyId?: number | null };
}

export interface AuditEntryResponse {
  id: number;
  at: string;
  action: string;
  actor: { userId: number | null; apiKeyId: number | null };
  target: { type: string | null; id: string | null };
  requestId: string | null;
  ip: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  action: string;
  actor_user_id: number | null;
  actor_api_key_id: number | null;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
}

/**
 * The audit log. `record` takes the caller's EntityManager so the entry
 * commits or rolls back with the change it describes; request id, client
 * IP and actor come from the request context.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    ...entries: AuditRecord[]
  ): Promise<void> {
    if (entries.length === 0) return;
    const context = currentRequestContext();
    const values: unknown[] = [];
    const tuples = entries.map((entry) => {
      const actor = entry.actor ?? {
        userId: context.userId,
        apiKeyId: context.apiKeyId,
      };
      values.push(
        entry.action,
        actor.userId,
        actor.apiKeyId ?? null,
        entry.target?.type ?? null,
        entry.target?.id === undefined || entry.target.id === null
          ? null
          : String(entry.target.id),
        context.requestId,
        context.ip,
      );
      const n = values.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await manager.query(
      `INSERT INTO audit_log (action, actor_user_id, actor_api_key_id, target_type, target_id, request_id, ip)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** Newest first. */
  async list(query: IdPageQuery): Promise<AuditEntryResponse[]> {
    const rows = await readRows<AuditRow>(
      this.dataSource,
      `SELECT id, at, action, actor_user_id, actor_api_key_id, target_type, target_id, request_id, ip
       FROM audit_log WHERE ($1::bigint IS NULL OR id < $1::bigint)
       ORDER BY id DESC LIMIT $2`,
      [query.before ?? null, query.limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      at: row.at.toISOString(),
      action: row.action,
      actor: { userId: row.actor_user_id, apiKeyId: row.actor_api_key_id },
      target: { type: row.target_type, id: row.target_id },
      requestId: row.request_id,
      ip: row.ip,
    }));
  }
}
