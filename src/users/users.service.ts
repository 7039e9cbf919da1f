import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { expireApiKeysOf } from '../api-keys/expire-api-keys';
import { AuditLog, type AuditAction } from '../audit/audit-log.service';
import type { RequestContext } from '../audit/request-context';
import { isUniqueViolation } from '../database/database-errors';
import { isStorableText } from '../database/postgres-text';
import { readRows } from '../database/read-rows';
import { PasswordHasher } from './password-hasher';
import { User, USERNAME_UNIQUE_INDEX } from './user.entity';
import {
  LastAdministratorError,
  UsernameTakenError,
  UserNotFoundError,
} from './users.errors';

/**
 * Serialises changes that could leave no enabled administrator (disable,
 * delete, demote) across processes: the check and the change must not
 * interleave with another such change.
 */
const ADMINISTRATORS_LOCK_KEY = 7_362_001_916;

export interface NewUser {
  username: string;
  password: string;
  administrator?: boolean;
}

interface UserRowFromDatabase {
  id: number;
  username: string;
  administrator: boolean;
  created_at: Date;
  invite_id: number | null;
  token_version: number;
  disabled_at: Date | null;
}

type SignedInRowFromDatabase = Omit<
  UserRowFromDatabase,
  'token_version' | 'disabled_at'
>;

/** A User's columns except the two that findSignedIn's WHERE fixes. */
const SIGNED_IN_COLUMNS = 'id, username, administrator, created_at, invite_id';

/** The columns of a User, as the plain statements below read them. */
const USER_COLUMNS = `${SIGNED_IN_COLUMNS}, token_version, disabled_at`;

function toUser(
  row: SignedInRowFromDatabase,
  tokenVersion: number,
  disabledAt: Date | null,
): User {
  // Assigned one by one: every signed-in request makes one.
  const user = new User();
  user.id = row.id;
  user.username = row.username;
  user.administrator = row.administrator;
  user.createdAt = row.created_at;
  user.inviteId = row.invite_id;
  user.tokenVersion = tokenVersion;
  user.disabledAt = disabledAt;
  return user;
}

export interface UserRow {
  username: string;
  passwordHash: string;
  administrator?: boolean;
  inviteId?: number | null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  /**
   * The user a token names while that token still holds: its token_version
   * is the row's and the user is not disabled, so revocation costs no
   * query. It runs on every authenticated request, so it is one plain
   * statement on the pool, and it reads only the columns the WHERE has not
   * already fixed.
   */
  async findSignedIn(id: number, tokenVersion: number): Promise<User | null> {
    const rows = await readRows<SignedInRowFromDatabase>(
      this.users.manager.connection,
      `SELECT ${SIGNED_IN_COLUMNS} FROM users
       WHERE id = $1 AND token_version = $2 AND disabled_at IS NULL`,
      [id, tokenVersion],
    );
    if (rows.length === 0) return null;
    return toUser(rows[0], tokenVersion, null);
  }

  /** One plain statement on the pool, like findSignedIn. */
  async findById(id: number): Promise<User | null> {
    const rows = await readRows<UserRowFromDatabase>(
      this.users.manager.connection,
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
      [id],
    );
    return rows.length === 0
      ? null
      : toUser(rows[0], rows[0].token_version, rows[0].disabled_at);
  }

  /**
   * Case-insensitive, with the password hash (which is otherwise never
   * selected). A plain statement like findById: in a login flood every
   * request runs it before it queues for a hash.
   */
  async findForLogin(username: string): Promise<User | null> {
    if (!isStorableText(username)) return null;
    const rows = await readRows<
      UserRowFromDatabase & { password_hash: string }
    >(
      this.users.manager.connection,
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    if (rows.length === 0) return null;
    return Object.assign(
      toUser(rows[0], rows[0].token_version, rows[0].disabled_at),
      {
        passwordHash: rows[0].password_hash,
      },
    );
  }

  /** @throws UsernameTakenError when the name exists in any letter case. */
  async create(newUser: NewUser, context: RequestContext): Promise<User> {
    const passwordHash = await this.passwords.hash(newUser.password);
    return this.users.manager.transaction(async (manager) => {
      const user = await this.insert(
        {
          username: newUser.username,
          passwordHash,
          administrator: newUser.administrator,
        },
        manager,
      );
      await this.recordChange(manager, context, 'user.created', user);
      return user;
    });
  }

  /**
   * Inserts an already hashed user, inside `manager`'s transaction when one
   * is given: registration redeems an invite in the same transaction, and
   * hashes before opening it so no lock is held while argon2 runs.
   * @throws UsernameTakenError when the name exists in any letter case.
   */
  async insert(row: UserRow, manager?: EntityManager): Promise<User> {
    const repository = manager ? manager.getRepository(User) : this.users;
    try {
      const inserted = await repository.insert({
        username: row.username,
        passwordHash: row.passwordHash,
        administrator: row.administrator ?? false,
        inviteId: row.inviteId ?? null,
      });
      const id = (inserted.identifiers[0] as { id: number }).id;
      return await repository.findOneByOrFail({ id });
    } catch (error) {
      if (isUniqueViolation(error, USERNAME_UNIQUE_INDEX)) {
        throw new UsernameTakenError();
      }
      throw error;
    }
  }

  /** Ends every session of the user (logout): tokens issued so far stop working. */
  async revokeSessions(
    id: number,
    manager: EntityManager = this.users.manager,
  ): Promise<void> {
    await manager.getRepository(User).increment({ id }, 'tokenVersion', 1);
  }

  /** A new password ends the sessions opened with the old one. */
  async setPassword(
    username: string,
    password: string,
    context: RequestContext,
  ): Promise<User> {
    const passwordHash = await this.passwords.hash(password);
    return this.users.manager.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const user = await this.findByUsernameOrFail(username, users);
      await users
        .createQueryBuilder()
        .update()
        .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id: user.id })
        .execute();
      await this.recordChange(manager, context, 'user.password_changed', user);
      return user;
    });
  }

  /**
   * A demoted administrator's tokens stop working, so the user logs in again
   * as what they now are, and so do their API keys, for good.
   * @throws LastAdministratorError when it would demote the last enabled administrator.
   */
  async setAdministrator(
    username: string,
    administrator: boolean,
    context: RequestContext,
  ): Promise<User> {
    const action = administrator
      ? 'user.administrator_granted'
      : 'user.administrator_revoked';
    return this.changeGuardingAdministrators(
      username,
      context,
      action,
      async (user, users) => {
        if (!administrator && user.administrator) {
          await this.assertNotLastAdministrator(user, users, 'demote');
        }
        const demoted = user.administrator && !administrator;
        await users
          .createQueryBuilder()
          .update()
          .set({
            administrator,
            ...(demoted ? { tokenVersion: () => 'token_version + 1' } : {}),
          })
          .where('id = :id', { id: user.id })
          .execute();
        if (demoted) await expireApiKeysOf(users.manager, user.id);
        return { ...user, administrator };
      },
    );
  }

  /**
   * Disabled: no login, every token and API key refused (for good: enabling
   * the user again does not bring them back), the row and its history kept.
   * @throws LastAdministratorError when it would disable the last enabled administrator.
   */
  async setDisabled(
    username: string,
    disabled: boolean,
    context: RequestContext,
  ): Promise<User> {
    const action = disabled ? 'user.disabled' : 'user.enabled';
    return this.changeGuardingAdministrators(
      username,
      context,
      action,
      async (user, users) => {
        if (disabled && user.disabledAt === null) {
          await this.assertNotLastAdministrator(user, users, 'disable');
        }
        const disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
        await users
          .createQueryBuilder()
          .update()
          .set({
            disabledAt,
            ...(disabled ? { tokenVersion: () => 'token_version + 1' } : {}),
          })
          .where('id = :id', { id: user.id })
          .execute();
        if (disabled) await expireApiKeysOf(users.manager, user.id);
        return { ...user, disabledAt };
      },
    );
  }

  /**
   * Deletes the user; the invites they created go with them (foreign key).
   * `alsoDelete` runs first, in the same transaction: the caller deletes
   * those invites itself there, so each is audited and announced.
   * @throws LastAdministratorError when it would delete the last enabled administrator.
   */
  async delete(
    username: string,
    context: RequestContext,
    alsoDelete?: (manager: EntityManager, user: User) => Promise<void>,
  ): Promise<User> {
    return this.changeGuardingAdministrators(
      username,
      context,
      'user.deleted',
      async (user, users) => {
        await this.assertNotLastAdministrator(user, users, 'delete');
        await alsoDelete?.(users.manager, user);
        await users.delete({ id: user.id });
        return user;
      },
    );
  }

  /**
   * Runs `change` on the user in a transaction that holds the
   * administrators' lock, and records it in the audit log as `action`.
   */
  private changeGuardingAdministrators(
    username: string,
    context: RequestContext,
    action: AuditAction,
    change: (user: User, users: Repository<User>) => Promise<User>,
  ): Promise<User> {
    return this.users.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [
        ADMINISTRATORS_LOCK_KEY,
      ]);
      const users = manager.getRepository(User);
      const user = await this.findByUsernameOrFail(username, users);
      const changed = await change(user, users);
      await this.recordChange(manager, context, action, user);
      return changed;
    });
  }

  private recordChange(
    manager: EntityManager,
    context: RequestContext,
    action: AuditAction,
    user: User,
  ): Promise<void> {
    return this.audit.record(manager, context, {
      action,
      target: { type: 'user', id: user.id },
    });
  }

  private async assertNotLastAdministrator(
    user: User,
    users: Repository<User>,
    action: 'demote' | 'disable' | 'delete',
  ): Promise<void> {
    if (!user.administrator || user.disabledAt !== null) return;
    const others = await users
      .createQueryBuilder('user')
      .where('user.administrator AND user.disabledAt IS NULL')
      .andWhere('user.id <> :id', { id: user.id })
      .getCount();
    if (others === 0) throw new LastAdministratorError(user.username, action);
  }

  private async findByUsernameOrFail(
    username: string,
    users: Repository<User> = this.users,
  ): Promise<User> {
    if (!isStorableText(username)) throw new UserNotFoundError(username);
    const user = await users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    if (!user) throw new UserNotFoundError(username);
    return user;
  }
}
