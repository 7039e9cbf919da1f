import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/database-errors';
import { isStorableText } from '../database/postgres-text';
import { readRows } from '../database/read-rows';
import { PasswordHasher } from './password-hasher';
import { User, USERNAME_UNIQUE_INDEX } from './user.entity';
import { UsernameTakenError, UserNotFoundError } from './users.errors';

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
  ) {}

  /**
   * Runs on every authenticated request, so it is one plain statement on the
   * pool rather than a query-builder round through TypeORM's metadata.
   */
  async findById(id: number): Promise<User | null> {
    const rows = await readRows<UserRowFromDatabase>(
      this.users.manager.connection,
      `SELECT id, username, administrator, created_at, invite_id FROM users WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return Object.assign(new User(), {
      id: row.id,
      username: row.username,
      administrator: row.administrator,
      createdAt: row.created_at,
      inviteId: row.invite_id,
    });
  }

  /** Case-insensitive, with the password hash (which is otherwise never selected). */
  async findForLogin(username: string): Promise<User | null> {
    if (!isStorableText(username)) return null;
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  /** @throws UsernameTakenError when the name exists in any letter case. */
  async create(newUser: NewUser): Promise<User> {
    return this.insert({
      username: newUser.username,
      passwordHash: await this.passwords.hash(newUser.password),
      administrator: newUser.administrator,
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

  async setPassword(username: string, password: string): Promise<User> {
    const user = await this.findByUsernameOrFail(username);
    await this.users.update(user.id, {
      passwordHash: await this.passwords.hash(password),
    });
    return user;
  }

  async setAdministrator(
    username: string,
    administrator: boolean,
  ): Promise<User> {
    const user = await this.findByUsernameOrFail(username);
    await this.users.update(user.id, { administrator });
    return { ...user, administrator };
  }

  private async findByUsernameOrFail(username: string): Promise<User> {
    if (!isStorableText(username)) throw new UserNotFoundError(username);
    const user = await this.users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    if (!user) throw new UserNotFoundError(username);
    return user;
  }
}
