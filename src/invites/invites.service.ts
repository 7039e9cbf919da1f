import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeFeed } from '../changes/change-feed';
import type { AppConfig } from '../config/configuration';
import { isStorableText } from '../database/postgres-text';
import { TIMESTAMPTZ_AS_TEXT } from '../database/postgres-timestamp';
import { readRows } from '../database/read-rows';
import { CreateInvitesInput } from './create-invites-input';
import { InviteCodeGenerator } from './invite-code.generator';
import { InviteResponse, InviteRow, toInviteResponse } from './invite-response';
import {
  CodeSpaceExhaustedError,
  InvalidInviteCodeError,
  InviteNotFoundError,
} from './invites.errors';
import { encodeCursor, ListInvitesQuery } from './list-invites-query';

const COLUMNS =
  'id, code, created_at, expires_at, uses, max_uses, created_by_id';

/** Each attempt replaces only the codes that collided; 62^6 makes even two attempts rare. */
const MAX_CODE_ATTEMPTS = 10;

/** Conditions shared by the list filters, the redemption and the cleanup. */
const IS_USED = 'max_uses IS NOT NULL AND uses >= max_uses';
const IS_EXPIRED = 'expires_at IS NOT NULL AND expires_at <= now()';

export interface InvitePage {
  invites: InviteResponse[];
  /** Present when more rows follow: the cursor of the next page. */
  nextCursor?: string;
}

/**
 * Invites in plain SQL: each operation is one statement (or one transaction),
 * rows go straight to responses without entity hydration, and the exact
 * conditions of "used" and "expired" are visible in one place.
 */
@Injectable()
export class InvitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: InviteCodeGenerator,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly changes: ChangeFeed,
  ) {}

  /** Newest first (createdAt desc, then id desc), optionally filtered and paged. */
  async list(query: ListInvitesQuery): Promise<InvitePage> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.used !== undefined) {
      conditions.push(query.used ? `(${IS_USED})` : `NOT (${IS_USED})`);
    }
    if (query.expired !== undefined) {
      conditions.push(
        query.expired ? `(${IS_EXPIRED})` : `NOT (${IS_EXPIRED})`,
      );
    }
    if (query.cursor) {
      parameters.push(query.cursor.createdAt, query.cursor.id);
      conditions.push(
        `(created_at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length})`,
      );
    }
    // With a limit, each row also carries its created_at at PostgreSQL's
    // full precision (microseconds, which a Date loses) for the next cursor;
    // without one there is no next page and the column would be waste.
    let sql =
      query.limit === undefined
        ? `SELECT ${COLUMNS} FROM invites`
        : `SELECT ${COLUMNS}, created_at::text AS cursor_created_at FROM invites`;
    if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
    sql += ' ORDER BY created_at DESC, id DESC';
    if (query.limit !== undefined) {
      // One row more than asked tells whether another page follows.
      parameters.push(query.limit + 1);
      sql += ` LIMIT $${parameters.length}`;
    }
    const rows = await readRows<InviteRow & { cursor_created_at: string }>(
      this.dataSource,
      sql,
      parameters,
      TIMESTAMPTZ_AS_TEXT,
    );

    if (query.limit === undefined || rows.length <= query.limit) {
      return { invites: rows.map(toInviteResponse) };
    }
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      invites: page.map(toInviteResponse),
      nextCursor: encodeCursor({
        createdAt: last.cursor_created_at,
        id: last.id,
      }),
    };
  }

  /**
   * Creates `count` invites in one transaction: all of them or none. Codes
   * are inserted with ON CONFLICT DO NOTHING, and only those that collided
   * with an existing code are drawn again, so a collision is never an error.
   */
  async create(
    input: CreateInvitesInput,
    createdById: number,
  ): Promise<InviteResponse[]> {
    const length = this.config.get('invites', { infer: true }).codeLength;
    return this.dataSource.transaction(async (manager) => {
      const created: InviteRow[] = [];
      for (let attempt = 1; created.length < input.count; attempt += 1) {
        if (attempt > MAX_CODE_ATTEMPTS)
          throw new CodeSpaceExhaustedError(MAX_CODE_ATTEMPTS);
        const codes = new Set<string>();
        while (codes.size < input.count - created.length) {
          codes.add(this.codes.generate(length));
        }
        const inserted = await manager.query<InviteRow[]>(
          `INSERT INTO invites (code, expires_at, max_uses, created_by_id)
           SELECT unnest($1::varchar[]), $2::timestamptz, $3::int, $4::int
           ON CONFLICT (code) DO NOTHING
           RETURNING ${COLUMNS}`,
          [[...codes], input.expiresAt, input.maxUses, createdById],
        );
        created.push(...inserted);
      }
      const invites = created.sort((a, b) => a.id - b.id).map(toInviteResponse);
      await this.changes.invitesCreated(manager, invites);
      return invites;
    });
  }

  /** Deletes by code; users who registered with it keep their accounts (invite_id → null). */
  async delete(code: string): Promise<InviteResponse> {
    if (!isStorableText(code)) throw new InviteNotFoundError();
    const [rows] = await this.dataSource.query<[InviteRow[], number]>(
      `DELETE FROM invites WHERE code = $1 RETURNING ${COLUMNS}`,
      [code],
    );
    if (rows.length === 0) throw new InviteNotFoundError();
    return toInviteResponse(rows[0]);
  }

  /**
   * Consumes one use of the invite inside the caller's transaction and
   * returns its id. The condition and the increment are one statement: of
   * concurrent redemptions PostgreSQL lets each see the row only after the
   * previous one committed, so at most maxUses of them ever succeed.
   * @throws InvalidInviteCodeError for an unknown, expired or used-up code.
   */
  async redeem(code: string, manager: EntityManager): Promise<number> {
    if (!isStorableText(code)) throw new InvalidInviteCodeError();
    const [rows] = await manager.query<[Array<{ id: number }>, number]>(
      `UPDATE invites SET uses = uses + 1
       WHERE code = $1 AND NOT (${IS_USED}) AND NOT (${IS_EXPIRED})
       RETURNING id`,
      [code],
    );
    if (rows.length === 0) throw new InvalidInviteCodeError();
    return rows[0].id;
  }

  /** Deletes every expired or used-up invite; returns how many. */
  async deleteSpent(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM invites WHERE (${IS_USED}) OR (${IS_EXPIRED})`,
    );
    return count;
  }
}
