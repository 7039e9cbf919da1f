import { parseArgs, type ParseArgsConfig } from 'node:util';
import { firstSentence } from './exit';
import { INVITE_USAGE, InviteCommand, parseInviteCommand } from './invite-args';
// The function behind RegisterDto's @Length, so both count characters alike.
import { length as hasLength } from 'class-validator';
// RegisterDto's rules: the CLI must not create what registration would refuse.
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
} from '../auth/dto/register.dto';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-user <username> [--admin] [--password-stdin]
      Creates a user, an administrator with --admin.
  set-password <username> [--password-stdin]
      Replaces a user's password and ends the user's sessions.
  grant-admin <username>
      Makes a user an administrator.
  revoke-admin <username>
      Makes an administrator an ordinary user and ends the user's sessions.
  disable-user <username>
      Refuses the user's logins and ends their sessions; the account stays.
  enable-user <username>
      Lets a disabled user log in again.
  delete-user <username>
      Deletes the user and the invites they created.
  key create|list|delete ...
      API keys for backends: npm run cli -- key, for their options.
  help
      Shows this text.
${INVITE_USAGE}

Passwords are never taken from the command line (other users can read it):
on a terminal you are asked for one (typed twice, not shown; empty: generate
one); --password-stdin reads the first line of standard input; otherwise a
random password is generated and printed once.
The last enabled administrator cannot be disabled, deleted or demoted.
Usernames are matched ignoring letter case.
Exit status: 0 done, 1 failed (for example an unknown user), 2 wrong usage.`;

export type CliCommand =
  | { name: 'help' }
  | {
      name: 'create-user';
      username: string;
      administrator: boolean;
      /** Read the password from stdin (execute.ts fills `password` in). */
      passwordStdin?: boolean;
      /** Undefined: generate one. */
      password?: string;
    }
  | {
      name: 'set-password';
      username: string;
      passwordStdin?: boolean;
      /** Undefined: generate one. */
      password?: string;
    }
  | { name: 'set-administrator'; username: string; administrator: boolean }
  | { name: 'set-disabled'; username: string; disabled: boolean }
  | { name: 'delete-user'; username: string }
  | { name: 'invite'; invite: InviteCommand };

export type ParsedCommand =
  { ok: true; command: CliCommand } | { ok: false; error: string };

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };
// --password is known only to refuse it with a reason, rather than as an
// unknown option: a password in argv shows in `ps` and shell history.
const PASSWORD_OPTION: Options = {
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
};
const ADMIN_OPTION: Options = { admin: { type: 'boolean' } };

const COMMAND_OPTIONS: Record<string, Options> = {
  'create-user': { ...HELP_OPTION, ...ADMIN_OPTION, ...PASSWORD_OPTION },
  'set-password': { ...HELP_OPTION, ...PASSWORD_OPTION },
  'grant-admin': HELP_OPTION,
  'revoke-admin': HELP_OPTION,
  'disable-user': HELP_OPTION,
  'enable-user': HELP_OPTION,
  'delete-user': HELP_OPTION,
};

/** Whether `name` is a command (`key` included), right or wrong in its arguments. */
export function isCommandName(name: string | undefined): boolean {
  return (
    name === 'invite' ||
    name === 'key' ||
    (name !== undefined && Object.hasOwn(COMMAND_OPTIONS, name))
  );
}

/**
 * Turns the command line into one command, without touching the database,
 * so that a typo is reported before anything is started.
 */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const [name, ...rest] = argv;
  if (name === undefined) return fail('no command given');
  if (name === 'help' || name === '--help' || name === '-h') {
    return { ok: true, command: { name: 'help' } };
  }
  if (name === 'invite') {
    const parsed = parseInviteCommand(rest);
    return parsed.ok
      ? { ok: true, command: { name, invite: parsed.command } }
      : parsed;
  }
  // hasOwn: "toString" and friends are not commands.
  if (!Object.hasOwn(COMMAND_OPTIONS, name)) {
    return fail(`unknown command "${name}"`);
  }
  const options = COMMAND_OPTIONS[name];

  let values: {
    help?: boolean;
    admin?: boolean;
    password?: string;
    'password-stdin'?: boolean;
  };
  let positionals: string[];
  try {
    const result = parseArgs({
      args: [...rest],
      options,
      strict: true,
      allowPositionals: true,
    });
    // Narrower than parseArgs' own type, and true: no option is `multiple`,
    // and strict mode rejects a value of the wrong type.
    values = result.values;
    positionals = result.positionals;
  } catch (error) {
    // Node's messages append advice about "--" that only confuses here.
    return fail(firstSentence(error));
  }
  if (values.help) return { ok: true, command: { name: 'help' } };

  if (positionals.length !== 1) {
    return fail(
      positionals.length === 0
        ? `${name} needs a username`
        : `${name} takes one username, got ${positionals.length} arguments`,
    );
  }
  const [username] = positionals;
  if (values.password !== undefined) {
    return fail(
      '--password is not accepted: other users can read the command line; use --password-stdin, the prompt, or a generated password',
    );
  }
  const passwordStdin = values['password-stdin'] === true;

  switch (name) {
    case 'create-user':
      // Only names the registration endpoint accepts. The other commands
      // look names up as given: ADMIN_USERNAME is validated more loosely,
      // and its user must stay manageable from here.
      if (!USERNAME_PATTERN.test(username)) {
        return fail(
          `invalid username "${username}": use 1 to 64 characters of A-Z a-z 0-9 . _ -`,
        );
      }
      return {
        ok: true,
        command: {
          name,
          username,
          administrator: values.admin === true,
          passwordStdin,
        },
      };
    case 'set-password':
      return { ok: true, command: { name, username, passwordStdin } };
    case 'disable-user':
    case 'enable-user':
      return {
        ok: true,
        command: {
          name: 'set-disabled',
          username,
          disabled: name === 'disable-user',
        },
      };
    case 'delete-user':
      return { ok: true, command: { name, username } };
    default:
      return {
        ok: true,
        command: {
          name: 'set-administrator',
          username,
          administrator: name === 'grant-admin',
        },
      };
  }
}

/** The password rules of registration, for a password read from stdin or typed. */
export function passwordProblem(password: string): string | undefined {
  return hasLength(password, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
    ? undefined
    : `the password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`;
}

function fail(error: string): ParsedCommand {
  return { ok: false, error };
}
