import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { parseName, parseScopes } from '../api-keys/create-api-key-input';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api-keys/api-key-scopes';
import { AuditModule } from '../audit/audit.module';
import { NO_REQUEST } from '../audit/request-context';
import type { AppConfig } from '../config/configuration';
import { loadConfigOrExit } from '../config/load-config';
import { DatabaseModule } from '../database/database.module';
import { EmbeddedDatabase } from '../database/embedded-database';
import { parseExpiry } from '../invites/expiry';
import { UsersService } from '../users/users.service';
import { errorMessage, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit';

export const KEY_USAGE = `Usage: npm run cli -- key <command>

  key create --name <name> --scopes <scope,scope> [--expires <when>] [--as <username>]
      Creates an API key acting as the administrator --as (default
      ADMIN_USERNAME) and prints it once. Scopes: ${API_KEY_SCOPES.join(', ')}.
      --expires takes what an invite's expiresAt does (90d, 1y, a date).
  key list
      Lists the keys (never their secrets).
  key delete <id>
      Deletes a key; it stops working at once.`;

export type KeyCommand =
  | {
      name: 'create';
      keyName: string;
      scopes: ApiKeyScope[];
      /** When the command was read: a duration counts from it. */
      createdAt: Date;
      expiresAt: Date | null;
      as?: string;
    }
  | { name: 'list' }
  | { name: 'delete'; id: number };

/** Parses `key …` without touching the database. @throws Error with the message for the operator */
export function parseKeyCommand(argv: readonly string[]): KeyCommand {
  const [name, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      expires: { type: 'string' },
      as: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  switch (name) {
    case 'create': {
      const keyName = parseName(values.name);
      const now = new Date();
      return {
        name,
        keyName,
        scopes: parseScopes(values.scopes?.split(',').map((s) => s.trim())),
        createdAt: now,
        expiresAt: parseExpiry(values.expires, now),
        as: values.as,
      };
    }
    case 'list':
      return { name };
    case 'delete': {
      const id = Number(positionals[0]);
      if (positionals.length !== 1 || !Number.isSafeInteger(id) || id < 1)
        throw new Error('key delete takes one key id');
      return { name, id };
    }
    default:
      throw new Error(`unknown key command "${name ?? ''}"`);
  }
}

@Module({})
class KeyCliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: KeyCliModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => config],
        }),
        DatabaseModule,
        AuditModule,
        ApiKeysModule,
      ],
    };
  }
}

/** `npm run cli -- key …`: resolves with the exit code. */
export async function runKeyCli(argv: readonly string[]): Promise<number> {
  let command: KeyCommand;
  try {
    command = parseKeyCommand(argv);
  } catch (error) {
    console.error(`error: ${errorMessage(error)}\n\n${KEY_USAGE}`);
    return EXIT_USAGE;
  }
  const config = loadConfigOrExit();
  const embedded = config.database.url
    ? undefined
    : await EmbeddedDatabase.start({
        dataDir: config.database.dataDir,
        log: (line) => console.error(line),
      });
  if (embedded) config.database.url = embedded.url;
  const context = await NestFactory.createApplicationContext(
    KeyCliModule.register(config),
    { logger: ['error'], abortOnError: false },
  );
  try {
    const keys = context.get(ApiKeysService);
    if (command.name === 'create') {
      const username = command.as ?? config.auth.adminUsername;
      // Without --as, the operator may not know which user was meant.
      const which =
        command.as === undefined
          ? ` (ADMIN_USERNAME; choose another with --as <username>)`
          : '';
      const user = await context.get(UsersService).findForLogin(username);
      if (!user) throw new Error(`user not found: ${username}${which}`);
      if (!user.administrator)
        throw new Error(`"${username}" is not an administrator${which}`);
      const created = await keys.create(
        {
          createdAt: command.createdAt,
          name: command.keyName,
          scopes: command.scopes,
          expiresAt: command.expiresAt,
        },
        user.id,
        NO_REQUEST,
      );
      console.log(`Created API key ${created.id} "${created.name}".`);
      console.log(`Key (shown only once): ${created.key}`);
    } else if (command.name === 'list') {
      for (const key of await keys.list()) {
        console.log(
          `${key.id}\t${key.prefix}…\t${key.name}\t${key.scopes.join(',')}\texpires ${key.expiresAt ?? 'never'}\tlast used ${key.lastUsedAt ?? 'never'}`,
        );
      }
    } else {
      const deleted = await keys.delete(command.id, NO_REQUEST);
      console.log(`Deleted API key ${deleted.id} "${deleted.name}".`);
    }
    return EXIT_OK;
  } catch (error) {
    console.error(`error: ${errorMessage(error)}`);
    return EXIT_FAILED;
  } finally {
    await context.close();
    await embedded?.stop();
  }
}
