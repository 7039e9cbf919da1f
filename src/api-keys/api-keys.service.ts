import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import type { RequestContext } from '../audit/request-context';
import { readRows } from '../database/read-rows';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  API_KEY_COLUMNS,
  ApiKeyResponse,
  ApiKeyRow,
  CreatedApiKeyResponse,
  toApiKeyResponse,
} from './api-key-response';
import {
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
} from './api-key-secret';
import { ApiKeyNotFoundError } from './api-keys.errors';
import type { CreateApiKeyInput } from './create-api-key-input';
import { INT4_MAX } from '../database/postgres-int';

/** lastUsedAt is written at most this often per key: not a write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface AuthenticatedKey {
  id: number;
  scopes: string[];
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  async create(
    input: CreateApiKeyInput,
    createdById: number,
    context: RequestContext,
  ): Promise<CreatedApiKeyResponse> {
    const key = generateApiKey();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<ApiKeyRow[]>(
        `INSERT INTO api_keys (name, scopes, prefix, key_hash, created_by_id, expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${API_KEY_COLUMNS}`,
        [
          input.name,
          input.scopes,
          key.slice(0, 8),
          hashApiKey(key),
          createdById,
          input.expiresAt,
          input.createdAt,
        ],
      );
      await this.audit.record(manager, context, {
        action: 'api_key.created',
        target: { type: 'api_key', id: row.id },
      });
      return { ...toApiKeyResponse(row), key };
    });
  }

  async list(): Promise<ApiKeyResponse[]> {
    const rows = await readRows<ApiKeyRow>(
      this.dataSource,
      `SELECT ${API_KEY_COLUMNS} FROM api_keys ORDER BY id DESC`,
    );
    return rows.map(toApiKeyResponse);
  }

  async delete(id: number, context: RequestContext): Promise<ApiKeyResponse> {
    if (!Number.isSafeInteger(id) || id < 1 || id > INT4_MAX)
      throw new ApiKeyNotFoundError();
    return this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[ApiKeyRow[], number]>(
        `DELETE FROM api_keys WHERE id = $1 RETURNING ${API_KEY_COLUMNS}`,
        [id],
      );
      if (rows.length === 0) throw new ApiKeyNotFoundError();
      await this.audit.record(manager, context, {
        action: 'api_key.deleted',
        target: { type: 'api_key', id },
      });
      return toApiKeyResponse(rows[0]);
    });
  }

  /**
   * Deletes every key the user created, each with its audit entry, in the
   * caller's transaction: before the user's row, whose foreign key would
   * otherwise delete them unrecorded.
   */
  async deleteCreatedBy(
    manager: EntityManager,
    userId: number,
    context: RequestContext,
  ): Promise<number> {
    const [rows] = await manager.query<[{ id: number }[], number]>(
      'DELETE FROM api_keys WHERE created_by_id = $1 RETURNING id',
      [userId],
    );
    await this.audit.record(
      manager,
      context,
      ...rows.map(({ id }) => ({
        action: 'api_key.deleted' as const,
        target: { type: 'api_key', id },
      })),
    );
    return rows.length;
  }

  /**
   * The key's creator and the key, or null for an unknown, deleted or
   * expired key. Two statements on the pool: the key row, then the user
   * through UsersService, so whatever the JWT path refuses (a disabled or
   * deleted user) is refused here too; demoted creators are refused below.
   */
  async authenticate(
    token: string,
  ): Promise<{ user: User; key: AuthenticatedKey } | null> {
    if (!isWellFormedApiKey(token)) return null;
    const rows = await readRows<{
      id: number;
      scopes: string[];
      created_by_id: number;
      stale: boolean;
    }>(
      this.dataSource,
      `SELECT id, scopes, created_by_id,
              (last_used_at IS NULL OR last_used_at < now() - $2 * interval '1 millisecond') AS stale
       FROM api_keys
       WHERE key_hash = $1 AND (expires_at IS NULL OR expires_at > now())`,
      [hashApiKey(token), LAST_USED_RESOLUTION_MS],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    const user = await this.users.findById(row.created_by_id);
    if (!user || !user.administrator || user.disabledAt !== null) return null;
    if (row.stale) {
      // Conditional, so concurrent requests of one key write it once; not
      // awaited by the request, and a failure only delays the timestamp.
      this.dataSource
        .query(
          `UPDATE api_keys SET last_used_at = now()
           WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - $2 * interval '1 millisecond')`,
          [row.id, LAST_USED_RESOLUTION_MS],
        )
        .catch(() => undefined);
    }
    return { user, key: { id: row.id, scopes: row.scopes } };
  }
}
