import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NO_REQUEST } from '../../src/audit/request-context';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AuthService } from '../../src/auth/auth.service';
import { AppConfig, loadConfig } from '../../src/config/configuration';
import { loadHttpPlatform } from '../../src/http/http-platform';
import type { User } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { createTestDatabase, dropTestDatabase } from './test-database';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const TEST_JWT_SECRET = 'e2e-tests-jwt-secret-0123456789-abcdef';

export interface TestApp {
  app: INestApplication;
  http: App;
  config: AppConfig;
  dataSource: DataSource;
  databaseUrl: string;
  /** Creates a user directly (no HTTP) and returns it with a valid token. */
  createUser(options?: {
    username?: string;
    password?: string;
    administrator?: boolean;
  }): Promise<{ user: User; token: string; password: string }>;
  /** A token for the first administrator, created at start-up. */
  adminToken(): Promise<string>;
  /** Listens on an ephemeral port; resolves with the base URL, no trailing slash. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;

/**
 * Boots the real AppModule, as main.ts does, on a fresh database of the
 * test server with migrations applied. `env` overrides the environment the
 * configuration is validated from.
 */
export async function createApp(
  env: Record<string, string> = {},
  options: {
    logger?: LoggerService;
    /** Another app's database: a second instance on it (which leaves it in place on close). */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'invite-service-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_USERNAME,
    ADMIN_PASSWORD,
    RATE_LIMIT_AUTH: '0',
    // CI runs the e2e suite once per platform.
    HTTP_PLATFORM: process.env.HTTP_PLATFORM ?? 'express',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register(config)],
  }).compile();
  const platform = await loadHttpPlatform(config.app.httpPlatform);
  const app = moduleRef.createNestApplication(platform.createAdapter(config), {
    bodyParser: false,
    // Several tests provoke errors on purpose; TEST_LOGS=1 shows the logs.
    logger:
      options.logger ??
      (process.env.TEST_LOGS ? ['error', 'warn', 'log'] : false),
  });
  configureApp(app, config, platform);
  await app.init();
  await platform.ready(app);

  const users = app.get(UsersService);
  const auth = app.get(AuthService);
  const dataSource = app.get(DataSource);

  return {
    app,
    http: app.getHttpServer() as App,
    config,
    dataSource,
    databaseUrl,
    async createUser(options = {}) {
      userCounter += 1;
      const password = options.password ?? `password-${userCounter}`;
      const user = await users.create(
        {
          username: options.username ?? `user${process.pid}x${userCounter}`,
          password,
          administrator: options.administrator ?? false,
        },
        NO_REQUEST,
      );
      const { token } = await auth.startSession(user);
      return { user, token, password };
    },
    async adminToken() {
      const { token } = await auth.login(
        ADMIN_USERNAME,
        ADMIN_PASSWORD,
        NO_REQUEST,
      );
      return token;
    },
    async listen() {
      await app.listen(0, '127.0.0.1');
      const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      await app.close();
      if (!options.databaseUrl) await dropTestDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
