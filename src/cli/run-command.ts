import { randomBytes } from 'node:crypto';
import { NO_REQUEST } from '../audit/request-context';
import type { ApiKeysService } from '../api-keys/api-keys.service';
import type { InvitesService } from '../invites/invites.service';
import type { UsersService } from '../users/users.service';
import type { CliCommand } from './parse-args';

/** 16 random bytes: 128 bits, 22 characters that survive copy and paste. */
export function generatePassword(): string {
  return randomBytes(16).toString('base64url');
}

export interface CommandIo {
  /** One line of the command's result, for stdout. */
  print(line: string): void;
  generatePassword(): string;
  /** Records a change made (never a password), for the operator's log on stderr. */
  log?(line: string): void;
}

type UserCommands = Pick<
  UsersService,
  'create' | 'setPassword' | 'setAdministrator' | 'setDisabled' | 'delete'
>;

/** What a user owns that is deleted with them, each with its audit entry. */
export interface OwnedRecords {
  invites: Pick<InvitesService, 'deleteCreatedBy'>;
  apiKeys: Pick<ApiKeysService, 'deleteCreatedBy'>;
}

/**
 * Carries out one database command through UsersService, so the CLI obeys
 * exactly the rules the API does (hashing, case-insensitive uniqueness).
 * `owned` deletes a deleted user's invites and API keys with their audit
 * entries (and the invites' events). Domain errors (UsernameTakenError,
 * UserNotFoundError) are left to the caller.
 */
export async function runCommand(
  command: Exclude<CliCommand, { name: 'help' }>,
  users: UserCommands,
  io: CommandIo,
  owned?: OwnedRecords,
): Promise<void> {
  switch (command.name) {
    case 'create-user': {
      const password = command.password ?? io.generatePassword();
      const user = await users.create(
        {
          username: command.username,
          password,
          administrator: command.administrator,
        },
        NO_REQUEST,
      );
      io.print(
        `Created ${user.administrator ? 'the administrator' : 'the user'} "${user.username}".`,
      );
      io.log?.(
        `created ${user.administrator ? 'administrator' : 'user'} "${user.username}" (id ${user.id})`,
      );
      if (command.password === undefined) printGenerated(io, password);
      return;
    }
    case 'set-password': {
      const password = command.password ?? io.generatePassword();
      const user = await users.setPassword(
        command.username,
        password,
        NO_REQUEST,
      );
      io.print(`Changed the password of "${user.username}".`);
      io.log?.(
        `changed the password of "${user.username}" (id ${user.id}); sessions ended`,
      );
      if (command.password === undefined) printGenerated(io, password);
      return;
    }
    case 'set-administrator': {
      const user = await users.setAdministrator(
        command.username,
        command.administrator,
        NO_REQUEST,
      );
      io.print(
        user.administrator
          ? `"${user.username}" is now an administrator.`
          : `"${user.username}" is no longer an administrator.`,
      );
      io.log?.(
        `${user.administrator ? 'granted' : 'revoked'} administrator rights of "${user.username}" (id ${user.id})`,
      );
      return;
    }
    case 'set-disabled': {
      const user = await users.setDisabled(
        command.username,
        command.disabled,
        NO_REQUEST,
      );
      io.print(
        command.disabled
          ? `Disabled "${user.username}": logins refused, sessions ended.`
          : `Enabled "${user.username}".`,
      );
      io.log?.(
        `${command.disabled ? 'disabled' : 'enabled'} "${user.username}" (id ${user.id})`,
      );
      return;
    }
    case 'delete-user': {
      const user = await users.delete(
        command.username,
        NO_REQUEST,
        owned &&
          (async (manager, deleted) => {
            await owned.invites.deleteCreatedBy(
              manager,
              deleted.id,
              NO_REQUEST,
            );
            await owned.apiKeys.deleteCreatedBy(
              manager,
              deleted.id,
              NO_REQUEST,
            );
          }),
      );
      io.print(`Deleted "${user.username}".`);
      io.log?.(`deleted "${user.username}" (id ${user.id})`);
      return;
    }
  }
}

/** Printed only when generated: a password the operator typed is not echoed back. */
function printGenerated(io: CommandIo, password: string): void {
  io.print(`Generated password (shown only once): ${password}`);
}
