import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { readRows } from '../database/read-rows';
import type { IdPageQuery } from '../common/paging/id-page-query';
import { SqlParams } from '../database/sql-params';
import type { RequestContext } from './request-context';

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
  'user.enabled',
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
  /** Defaults to the request's actor; logins name the user they are about. */
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

const COLUMNS =
  'action, actor_user_id, actor_api_key_id, target_type, target_id, request_id, ip';

/**
 * The audit log. Entries are written with the caller's EntityManager, or as
 * a CTE of the caller's statement, so each commits or rolls back with the
 * change it describes; request id, client IP and actor come from the
 * request's context.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    context: RequestContext,
    ...entries: AuditRecord[]
  ): Promise<void> {
    if (entries.length === 0) return;
    const params = new SqlParams();
    const tuples = entries.map((entry) => {
      const actor = entry.actor ?? context;
      const id = entry.target?.id;
      const values = [
        entry.action,
        actor.userId,
        actor.apiKeyId ?? null,
        entry.target?.type ?? null,
        id === undefined || id === null ? null : String(id),
        context.requestId,
        context.ip,
      ];
      return `(${values.map((value) => params.add(value)).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO audit_log (${COLUMNS}) VALUES ${tuples.join(', ')}`,
      params.values,
    );
  }

  /**
   * An INSERT for a CTE of the caller's statement: one entry per row of
   * `source`, a CTE with an `id` column, targeting `targetType` with that id.
   */
  insertPerRow(
    source: string,
    action: AuditAction,
    targetType: string,
    context: RequestContext,
    params: SqlParams,
  ): string {
    return `INSERT INTO audit_log (${COLUMNS})
      SELECT ${params.add(action)}, ${params.add(context.userId)}::int,
        ${params.add(context.apiKeyId)}::int, ${params.add(targetType)},
        id::text, ${params.add(context.requestId)}::varchar, ${params.add(context.ip)}::varchar
      FROM ${source}`;
  }

  /** Newest first, one row beyond the page (idPage cuts it). */
  async list(query: IdPageQuery): Promise<AuditEntryResponse[]> {
    const rows = await readRows<AuditRow>(
      this.dataSource,
      `SELECT id, at, action, actor_user_id, actor_api_key_id, target_type, target_id, request_id, ip
       FROM audit_log WHERE ($1::bigint IS NULL OR id < $1::bigint)
       ORDER BY id DESC LIMIT $2`,
      [query.before ?? null, query.limit + 1],
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
