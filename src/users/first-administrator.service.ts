import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Serialises the "is there any user yet?" check across instances starting together. */
const FIRST_ADMINISTRATOR_LOCK_KEY = 7_362_001_915;

/**
 * On the first start (no user at all) creates the administrator from
 * ADMIN_USERNAME / ADMIN_PASSWORD, or with a generated password that is
 * printed once: without it nobody could ever log in.
 */
@Injectable()
export class FirstAdministratorService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdministrator');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config.get('auth', {
      infer: true,
    });
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await this.passwords.hash(password);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [
        FIRST_ADMINISTRATOR_LOCK_KEY,
      ]);
      if ((await manager.getRepository(User).count()) > 0) return false;
      await this.users.insert(
        { username: adminUsername, passwordHash, administrator: true },
        manager,
      );
      return true;
    });
    if (!created) return;
    if (adminPassword) {
      this.logger.log(
        `Created the administrator "${adminUsername}" with the password from ADMIN_PASSWORD`,
      );
    } else {
      this.logger.warn(
        `Created the administrator "${adminUsername}" with the generated password: ${password} ` +
          `(shown once; change it with: npm run cli -- set-password ${adminUsername})`,
      );
    }
  }
}
