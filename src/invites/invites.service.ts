import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EntityManager,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { NO_REQUEST, type RequestContext } from '../audit/request-context';
import { ChangeFeed } from '../changes/change-feed';
import type { AppConfig } from '../config/configuration';
import { isUniqueViolation } from '../database/database-errors';
import { isStorableText } from '../database/postgres-text';
import { textArrayLiteral } from '../database/postgres-array';
import { queryValues } from '../database/query-values';
import { readRows, readValues } from '../database/read-rows';
import { SqlParams } from '../database/sql-params';
import { StatementCache } from '../database/statement-cache';
import { isoTimestamp } from '../database/postgres-timestamp';
import { UserResponse } from '../users/user-response';
import { User } from '../users/user.entity';
import { CreateInvitesInput, UpdateInviteInput } from './create-invites-input';
import { InviteCodeGenerator } from './invite-code.generator';
import {
  inviteLinkBase,
  InviteResponse,
  InviteRow,
  InviteValues,
  toInviteResponse,
  valuesToInviteResponse,
} from './invite-response';
import { Invite, INVITE_CODE_UNIQUE } from './invite.entity';
import {
  CodeSpaceExhaustedError,
  InvalidInviteCodeError,
  InvalidMaxUsesError,
  InviteCodeNotFoundError,
  InviteNotFoundError,
} from './invites.errors';
import {
  InviteCursor,
  ListInvitesQuery,
  nextPageQuery,
  PageQuery,
} from './list-invites-query';
import type { Page } from '../common/paging/page';

/**
 * Invites the cleanup deletes per transaction, with their audit entries and
 * events: bounded, so a large backlog never becomes one huge statement.
 */
const CLEANUP_CHUNK = 500;

/** Each attempt draws a whole new batch; 62^8 makes even a second attempt rare. */
const MAX_CODE_ATTEMPTS = 10;

/**
 * The conditions of "used", "expired" and "revoked", written once for the
 * list filters, `valid`, the redemption, the lookup and the cleanup.
 * Unqualified: every statement here reads the invites table alone.
 */
const IS_USED = 'max_uses IS NOT NULL AND uses >= max_uses';
const IS_EXPIRED = 'expires_at IS NOT NULL AND expires_at <= now()';
const IS_REVOKED = 'revoked_at IS NOT NULL';
const IS_VALID = `NOT (${IS_USED}) AND NOT (${IS_EXPIRED}) AND NOT (${IS_REVOKED})`;

/**
 * An InviteRow, in InviteValues' order. Dates as PostgreSQL's text, which
 * isoTimestamp turns into ISO strings without parsing a Date (a sixth of a
 * list's CPU time otherwise); `valid` by the database's clock, the one
 * redemption obeys.
 */
const INVITE_COLUMNS = `id, code, created_at::text AS created_at, expires_at::text AS expires_at,
  uses, max_uses, created_by_id, note, revoked_at::text AS revoked_at,
  last_used_at::text AS last_used_at, ${IS_VALID} AS valid`;

const BOOLEAN_FILTERS = {
  used: IS_USED,
  expired: IS_EXPIRED,
  revoked: IS_REVOKED,
  valid: IS_VALID,
} as const;

/** An invite named by its id or by its code. */
export type InviteKey = { id: number } | { code: string };

export interface InviteLookup {
  code: string;
  expiresAt: string | null;
  /** null: unlimited. */
  remainingUses: number | null;
  inviter: { username: string };
}

/**
 * Invites through the entity's repository and query builder. Rows are read
 * raw (getRawMany) and mapped straight to responses: a list does not pay for
 * entity hydration. Every change is one conditional statement, so
 * concurrent requests are decided by PostgreSQL's row locks.
 */
@Injectable()
export class InvitesService {
  private readonly linkBase: string;
  private readonly codeLength: number;
  /** The list's SQL per shape of query in use (filters, cursor, page size). */
  private readonly listStatements = new StatementCache(500);

  constructor(
    @InjectRepository(Invite) private readonly invites: Repository<Invite>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly codes: InviteCodeGenerator,
    config: ConfigService<AppConfig, true>,
    private readonly changes: ChangeFeed,
  ) {
    const settings = config.get('invites', { infer: true });
    this.linkBase = inviteLinkBase(settings.publicUrl);
    this.codeLength = settings.codeLength;
  }

  /** Newest first (createdAt desc, then id desc), optionally filtered and paged. */
  async list(query: ListInvitesQuery): Promise<Page<InviteResponse>> {
    const [sql, values] = this.listStatements.statement(
      listShape(query),
      {
        createdById: query.createdById,
        code: query.code,
        ...cursorParameters(query),
      },
      () => this.listQuery(query),
    );
    const rows = await readValues<InviteValues>(
      this.invites.manager.connection,
      sql,
      values,
    );
    return this.toPage(
      rows,
      query,
      (row) => ({ createdAt: row[2], id: row[0] }),
      (row) => valuesToInviteResponse(row, this.linkBase),
    );
  }

  /** The list's query; its parameters come from list(), by name. */
  private listQuery(query: ListInvitesQuery): SelectQueryBuilder<Invite> {
    const select = this.invites
      .createQueryBuilder('invite')
      .select(INVITE_COLUMNS);
    for (const [key, condition] of Object.entries(BOOLEAN_FILTERS)) {
      const wanted = query[key as keyof typeof BOOLEAN_FILTERS];
      if (wanted !== undefined)
        select.andWhere(wanted ? `(${condition})` : `NOT (${condition})`);
    }
    if (query.createdById !== undefined)
      select.andWhere('invite.createdById = :createdById');
    if (query.code !== undefined) select.andWhere('invite.code = :code');
    return inPageOrder(select, query, 'invite');
  }

  /** @throws InviteNotFoundError */
  async find(by: InviteKey): Promise<InviteResponse> {
    if ('code' in by && !isStorableText(by.code))
      throw new InviteNotFoundError();
    const row = await this.invites
      .createQueryBuilder('invite')
      .select(INVITE_COLUMNS)
      .where('code' in by ? 'invite.code = :code' : 'invite.id = :id', by)
      .getRawOne<InviteRow>();
    if (!row) throw new InviteNotFoundError();
    return toInviteResponse(row, this.linkBase);
  }

  /**
   * Creates `count` invites with their audit entries and webhook events in
   * one statement (an INSERT … RETURNING with CTEs), so all of it commits or
   * none, without a transaction around it. When a code collides with an
   * existing one the statement fails as a whole and runs again with a new
   * batch of codes, so a collision is never an error. `alsoCommit` runs
   * after the statement, in one transaction with it.
   */
  async create(
    input: CreateInvitesInput,
    createdById: number,
    context: RequestContext,
    alsoCommit?: (
      manager: EntityManager,
      created: InviteResponse[],
    ) => Promise<void>,
  ): Promise<InviteResponse[]> {
    for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt += 1) {
      const codes = this.drawCodes(input.count);
      if (codes.length < input.count) continue;
      const params = new SqlParams();
      // unnest() sends the batch as one array parameter, and the CTEs record
      // it: neither can the query builder express.
      const statement = `WITH created AS (
          INSERT INTO invites (code, created_at, expires_at, max_uses, created_by_id, note)
          SELECT unnest(${params.add(textArrayLiteral(codes))}::varchar[]), ${params.add(input.createdAt)}::timestamptz,
            ${params.add(input.expiresAt)}::timestamptz,
            ${params.add(input.maxUses)}::int, ${params.add(createdById)}::int, ${params.add(input.note)}::varchar
          RETURNING ${INVITE_COLUMNS}
        ) ${this.changes.invitesCreatedSql('created', context, params)}
        SELECT * FROM created ORDER BY id`;
      const insert = async (manager: EntityManager) => {
        const rows = await queryValues<InviteValues>(
          manager,
          statement,
          params.values,
        );
        const created = rows.map((row) =>
          valuesToInviteResponse(row, this.linkBase),
        );
        await alsoCommit?.(manager, created);
        return created;
      };
      try {
        const created = alsoCommit
          ? await this.invites.manager.transaction(insert)
          : await insert(this.invites.manager);
        this.changes.invitesCreated(created.length);
        return created;
      } catch (error) {
        if (!isUniqueViolation(error, INVITE_CODE_UNIQUE)) throw error;
      }
    }
    throw new CodeSpaceExhaustedError();
  }

  /**
   * Changes the keys present. A new maxUses must not be below the current
   * uses: the condition is part of the UPDATE, so a registration that
   * commits first is counted, and one that comes after sees the new limit.
   * @throws InviteNotFoundError, InvalidMaxUsesError
   */
  async update(
    id: number,
    input: UpdateInviteInput,
    context: RequestContext,
  ): Promise<InviteResponse> {
    const changes: Partial<Pick<Invite, 'expiresAt' | 'maxUses' | 'note'>> = {
      ...input,
    };
    if (Object.keys(changes).length === 0) return this.find({ id });
    const updated = await this.changeOne('updated', context, (manager) => {
      const update = manager
        .createQueryBuilder()
        .update(Invite)
        .set(changes)
        .where('id = :id', { id });
      if (input.maxUses != null) {
        update.andWhere('uses <= :maxUses', { maxUses: input.maxUses });
      }
      return update;
    });
    if (updated) return updated;
    // Nothing matched: either no such invite, or more uses than the new maxUses.
    if (await this.invites.existsBy({ id })) throw new InvalidMaxUsesError();
    throw new InviteNotFoundError();
  }

  /** Revoking again keeps the first time. */
  revoke(id: number, context: RequestContext): Promise<InviteResponse> {
    return this.setRevokedAt(id, 'revoked', context);
  }

  unrevoke(id: number, context: RequestContext): Promise<InviteResponse> {
    return this.setRevokedAt(id, 'unrevoked', context);
  }

  /**
   * Only an invite whose state changes is written, audited and announced:
   * revoking a revoked invite (or unrevoking an unrevoked one) answers it
   * as it is.
   */
  private async setRevokedAt(
    id: number,
    change: 'revoked' | 'unrevoked',
    context: RequestContext,
  ): Promise<InviteResponse> {
    const revoking = change === 'revoked';
    const invite = await this.changeOne(change, context, (manager) =>
      manager
        .createQueryBuilder()
        .update(Invite)
        .set({ revokedAt: revoking ? () => 'now()' : null })
        .where('id = :id', { id })
        .andWhere(revoking ? 'revoked_at IS NULL' : 'revoked_at IS NOT NULL'),
    );
    return invite ?? this.find({ id });
  }

  /**
   * Deletes by code or by id. Users who registered with it keep their
   * accounts, with inviteId null (the foreign key's ON DELETE SET NULL):
   * revoking, not deleting, is how an invite's history is kept.
   */
  async delete(
    by: InviteKey,
    context: RequestContext,
  ): Promise<InviteResponse> {
    if ('code' in by && !isStorableText(by.code))
      throw new InviteNotFoundError();
    const invite = await this.changeOne('deleted', context, (manager) =>
      manager
        .createQueryBuilder()
        .delete()
        .from(Invite)
        .where('code' in by ? 'code = :code' : 'id = :id', by),
    );
    if (!invite) throw new InviteNotFoundError();
    return invite;
  }

  /**
   * One statement on one invite, in a transaction with its audit entry and
   * webhook event, so the three commit together; undefined when no row
   * matched (and nothing was recorded).
   */
  private changeOne(
    change: 'updated' | 'revoked' | 'unrevoked' | 'deleted',
    context: RequestContext,
    statement: (manager: EntityManager) => Returnable,
  ): Promise<InviteResponse | undefined> {
    return this.invites.manager.transaction(async (manager) => {
      const row = await returningOne(statement(manager));
      if (!row) return undefined;
      const invite = toInviteResponse(row, this.linkBase);
      await this.changes.invitesChanged(manager, context, change, [invite]);
      return invite;
    });
  }

  /** The users who registered with the invite, newest first, paged like the list. */
  async usersOf(id: number, query: PageQuery): Promise<Page<UserResponse>> {
    if (!(await this.invites.existsBy({ id }))) throw new InviteNotFoundError();
    const select = this.users
      .createQueryBuilder('redeemer')
      .select(
        'id, username, administrator, created_at::text AS created_at, invite_id',
      )
      .where('redeemer.inviteId = :id', { id });
    const [sql, parameters] = inPageOrder(select, query, 'redeemer')
      .setParameters(cursorParameters(query))
      .getQueryAndParameters();
    const rows = await readRows<UserRow>(
      this.users.manager.connection,
      sql,
      parameters,
    );
    return this.toPage(
      rows,
      query,
      (row) => ({ createdAt: row.created_at, id: row.id }),
      (row) => ({
        id: row.id,
        username: row.username,
        administrator: row.administrator,
        createdAt: isoTimestamp(row.created_at),
        inviteId: row.invite_id,
      }),
    );
  }

  /**
   * The public lookup: what the invitee's page shows, for a code a
   * registration could redeem now.
   * @throws InviteCodeNotFoundError for an unknown, expired, used-up or revoked code.
   */
  async lookup(code: string): Promise<InviteLookup> {
    if (!isStorableText(code)) throw new InviteCodeNotFoundError();
    const row = await this.invites
      .createQueryBuilder('invite')
      .select('code, expires_at::text AS expires_at, uses, max_uses')
      .addSelect(
        (inviter) =>
          inviter
            .select('users.username')
            .from(User, 'users')
            .where('users.id = invite.created_by_id'),
        'inviter',
      )
      .where('invite.code = :code', { code })
      .andWhere(IS_VALID)
      .getRawOne<{
        code: string;
        expires_at: string | null;
        uses: number;
        max_uses: number | null;
        inviter: string;
      }>();
    if (!row) throw new InviteCodeNotFoundError();
    return {
      code: row.code,
      expiresAt: row.expires_at === null ? null : isoTimestamp(row.expires_at),
      remainingUses: row.max_uses === null ? null : row.max_uses - row.uses,
      inviter: { username: row.inviter },
    };
  }

  /**
   * Consumes one use of the invite inside the caller's transaction and
   * returns the invite as the use left it. The condition and the increment
   * are one statement: of concurrent redemptions PostgreSQL lets each see
   * the row only after the previous one committed, so at most maxUses of
   * them ever succeed.
   * @throws InvalidInviteCodeError for an unknown, expired, used-up or revoked code.
   */
  async redeem(code: string, manager: EntityManager): Promise<InviteResponse> {
    if (!isStorableText(code)) throw new InvalidInviteCodeError();
    const row = await returningOne(
      manager
        .createQueryBuilder()
        .update(Invite)
        .set({ uses: () => 'uses + 1', lastUsedAt: () => 'now()' })
        .where('code = :code', { code })
        .andWhere(IS_VALID),
    );
    if (!row) throw new InvalidInviteCodeError();
    return toInviteResponse(row, this.linkBase);
  }

  /**
   * A cheap read, so registration can refuse a bad code before it spends a
   * password hash; the redemption itself stays the conditional UPDATE above.
   */
  async isRedeemable(code: string): Promise<boolean> {
    if (!isStorableText(code)) return false;
    return this.invites
      .createQueryBuilder('invite')
      .where('invite.code = :code', { code })
      .andWhere(IS_VALID)
      .getExists();
  }

  /**
   * Deletes every expired or used-up invite (revoked ones keep their
   * history), recorded like an administrator's deletion but with no actor:
   * an audit entry and an `invite.deleted` event each. Returns how many.
   * SKIP LOCKED lets instances running it at once share the work.
   */
  async deleteSpent(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const chunk = await this.invites.manager.transaction(async (manager) => {
        const rows = await returningAll(
          manager
            .createQueryBuilder()
            .delete()
            .from(Invite)
            .where(
              `id IN (SELECT id FROM invites WHERE (${IS_USED}) OR (${IS_EXPIRED})
                ORDER BY id LIMIT ${CLEANUP_CHUNK} FOR UPDATE SKIP LOCKED)`,
            ),
        );
        const invites = rows.map((row) => toInviteResponse(row, this.linkBase));
        await this.changes.invitesChanged(
          manager,
          NO_REQUEST,
          'deleted',
          invites,
        );
        return invites.length;
      });
      deleted += chunk;
      if (chunk < CLEANUP_CHUNK) return deleted;
    }
  }

  /**
   * Deletes every invite `userId` created, audited and announced, inside the
   * caller's transaction (the user's own deletion). Resolves with how many.
   */
  async deleteCreatedBy(
    manager: EntityManager,
    userId: number,
    context: RequestContext,
  ): Promise<number> {
    const rows = await returningAll(
      manager
        .createQueryBuilder()
        .delete()
        .from(Invite)
        .where('created_by_id = :userId', { userId }),
    );
    const invites = rows.map((row) => toInviteResponse(row, this.linkBase));
    await this.changes.invitesChanged(manager, context, 'deleted', invites);
    return invites.length;
  }

  /** Distinct codes; fewer than `count` only if the generator keeps repeating itself. */
  private drawCodes(count: number): string[] {
    const codes = new Set<string>();
    for (let draws = 0; codes.size < count && draws < 2 * count + 10; draws++) {
      codes.add(this.codes.generate(this.codeLength));
    }
    return [...codes];
  }

  /**
   * Cuts the extra row inPageOrder read and makes the last row kept the next
   * page's cursor.
   */
  private toPage<Row, T>(
    rows: Row[],
    query: ListInvitesQuery,
    cursorOf: (row: Row) => InviteCursor,
    toItem: (row: Row) => T,
  ): Page<T> {
    if (query.limit === undefined || rows.length <= query.limit) {
      return { items: rows.map(toItem) };
    }
    const page = rows.slice(0, query.limit);
    const cursor = cursorOf(page[page.length - 1]);
    return { items: page.map(toItem), next: nextPageQuery(query, cursor) };
  }
}

interface UserRow {
  id: number;
  /** PostgreSQL's text: microsecond precision for the cursor, which a Date would lose. */
  created_at: string;
  username: string;
  administrator: boolean;
  invite_id: number | null;
}

/**
 * A page of `select`: newest first by (created_at, id), after the cursor,
 * and one row more than the limit, which tells whether another page
 * follows. The cursor's values are cursorParameters(query).
 */
function inPageOrder<Entity extends ObjectLiteral>(
  select: SelectQueryBuilder<Entity>,
  query: PageQuery,
  alias: string,
): SelectQueryBuilder<Entity> {
  if (query.cursor) {
    select.andWhere(
      `(${alias}.created_at, ${alias}.id) < (CAST(:cursorCreatedAt AS timestamptz), :cursorId)`,
    );
  }
  select
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC');
  if (query.limit !== undefined) select.limit(query.limit + 1);
  return select;
}

function cursorParameters(query: PageQuery) {
  return {
    cursorCreatedAt: query.cursor?.createdAt,
    cursorId: query.cursor?.id,
  };
}

/** What decides the text of listQuery's SQL: its clauses, not their values. */
function listShape(query: ListInvitesQuery): string {
  return [
    query.used,
    query.expired,
    query.revoked,
    query.valid,
    query.createdById !== undefined,
    query.code !== undefined,
    query.cursor !== undefined,
    query.limit,
  ].join();
}

/** An UPDATE or DELETE builder that can return the rows it touched. */
interface Returnable {
  returning(columns: string): { execute(): Promise<{ raw: unknown }> };
}

/** Runs an UPDATE or DELETE … RETURNING the invite's columns; the invites it changed. */
async function returningAll(statement: Returnable): Promise<InviteRow[]> {
  const result = await statement.returning(INVITE_COLUMNS).execute();
  return result.raw as InviteRow[];
}

/** returningAll for a statement that changes one invite at most. */
async function returningOne(
  statement: Returnable,
): Promise<InviteRow | undefined> {
  return (await returningAll(statement))[0];
}
