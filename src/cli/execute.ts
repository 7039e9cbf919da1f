import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import type { AppConfig } from '../config/configuration';
import { EmbeddedDatabase } from '../database/embedded-database';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { InvitesService } from '../invites/invites.service';
import { UsersService } from '../users/users.service';
import { CliModule } from './cli.module';
import { errorMessage, EXIT_FAILED, EXIT_OK } from './exit';
import type { CliCommand } from './parse-args';
import { firstAdministratorId, runInviteCommand } from './invite-commands';
import { promptPassword, readPasswordFromStdin } from './read-password';
import { generatePassword, runCommand } from './run-command';

/**
 * Runs one database command: starts (or borrows) the embedded PostgreSQL when
 * no DATABASE_URL is configured, boots the CLI's Nest context, and always
 * closes both again. Resolves with the exit code.
 */
export async function executeCommand(
  command: Exclude<CliCommand, { name: 'help' }>,
  config: AppConfig,
): Promise<number> {
  let starting: Promise<EmbeddedDatabase> | undefined;
  let context: INestApplicationContext | undefined;
  let closing: Promise<void> | undefined;
  // Runs once, whether the command ends or the operator interrupts it, even
  // while the server is still starting: the embedded server is detached from
  // the terminal, so nobody else would stop it.
  const shutdown = () =>
    (closing ??= (async () => {
      try {
        await context?.close();
      } finally {
        const embedded = await starting?.catch(() => undefined);
        await embedded?.stop();
      }
    })());
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      void shutdown()
        .catch((error: unknown) =>
          console.error(`error: ${errorMessage(error)}`),
        )
        .finally(() => process.exit(code));
    });
  }

  try {
    // Asked before the database starts, so the operator does not wait twice.
    await obtainPassword(command);
    if (!config.database.url) {
      // Attaches to the server of a running `npm start` in the same DATA_DIR
      // (and then leaves it running on stop), or starts one of its own.
      starting = EmbeddedDatabase.start({
        dataDir: config.database.dataDir,
        // stderr: stdout carries only the result, e.g. a generated password.
        log: (line) => console.error(line),
      });
      config.database.url = (await starting).url;
    }
    context = await NestFactory.createApplicationContext(
      CliModule.register(config),
      // abortOnError: false, or a failed start-up would process.abort()
      // before the embedded server could be stopped.
      { logger: ['error'], abortOnError: false },
    );
    if (command.name === 'invite') {
      await runInviteCommand(command.invite, context.get(InvitesService), {
        print: (line) => console.log(line),
        log: (line) => console.error(operatorLogLine(line)),
        creatorId: () => firstAdministratorId(context!.get(DataSource)),
      });
    } else {
      await runCommand(
        command,
        context.get(UsersService),
        {
          print: (line) => console.log(line),
          generatePassword,
          log: (line) => console.error(operatorLogLine(line)),
        },
        {
          invites: context.get(InvitesService),
          apiKeys: context.get(ApiKeysService),
        },
      );
    }
    return EXIT_OK;
  } catch (error) {
    // Domain errors (username taken, user not found) carry the message meant
    // for the operator; anything else is reported the same way, in one line.
    console.error(`error: ${errorMessage(error)}`);
    return EXIT_FAILED;
  } finally {
    await shutdown();
  }
}

/**
 * Fills in the password of create-user and set-password: from stdin with
 * --password-stdin, else asked on a terminal, else left to be generated.
 */
async function obtainPassword(
  command: Exclude<CliCommand, { name: 'help' }>,
): Promise<void> {
  if (command.name !== 'create-user' && command.name !== 'set-password') {
    return;
  }
  if (command.passwordStdin) {
    command.password = await readPasswordFromStdin(process.stdin);
  } else if (process.stdin.isTTY && process.stderr.isTTY) {
    command.password = await promptPassword();
  }
}

/** When, who (the OS user) and what: every change the CLI makes leaves this line on stderr. */
function operatorLogLine(change: string): string {
  let operator: string;
  try {
    operator = userInfo().username;
  } catch {
    operator = `uid ${process.getuid?.() ?? '?'}`;
  }
  return `${new Date().toISOString()} LOG [Cli] ${operator}: ${change}`;
}
