import { parseArgs, type ParseArgsConfig } from 'node:util';
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
  create-user <username> [--admin] [--password <password>]
      Creates a user, an administrator with --admin.
  set-password <username> [--password <password>]
      Replaces a user's password.
  grant-admin <username>
      Makes a user an administrator.
  revoke-admin <username>
      Makes an administrator an ordinary user.
  key create|list|delete ...
      API keys for backends: npm run cli -- key, for their options.
  help
      Shows this text.

Without --password a random password is generated and printed once.
Usernames are matched ignoring letter case.
Exit status: 0 done, 1 failed (for example an unknown user), 2 wrong usage.`;

export type CliCommand =
  | { name: 'help' }
  | {
      name: 'create-user';
      username: string;
      administrator: boolean;
      /** Undefined: generate one. */
      password?: string;
    }
  | {
      name: 'set-password';
      username: string;
      /** Undefined: generate one. */
      password?: string;
    }
  | { name: 'set-administrator'; username: string; administrator: boolean };

export type ParsedCommand =
  { ok: true; command: CliCommand } | { ok: false; error: string };

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };
const PASSWORD_OPTION: Options = { password: { type: 'string' } };
const ADMIN_OPTION: Options = { admin: { type: 'boolean' } };

const COMMAND_OPTIONS: Record<string, Options> = {
  'create-user': { ...HELP_OPTION, ...ADMIN_OPTION, ...PASSWORD_OPTION },
  'set-password': { ...HELP_OPTION, ...PASSWORD_OPTION },
  'grant-admin': HELP_OPTION,
  'revoke-admin': HELP_OPTION,
};

/**
 * Turns the command line into one command, without touching the database,
 * so that a typo is reported before anything is started.
 */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  const [name, ...rest] = argv;
  if (
    name === undefined ||
    name === 'help' ||
    name === '--help' ||
    name === '-h'
  ) {
    return { ok: true, command: { name: 'help' } };
  }
  // hasOwn: "toString" and friends are not commands.
  if (!Object.hasOwn(COMMAND_OPTIONS, name)) {
    return fail(`unknown command "${name}"`);
  }
  const options = COMMAND_OPTIONS[name];

  let values: { help?: boolean; admin?: boolean; password?: string };
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
  const { password } = values;
  if (
    password !== undefined &&
    !hasLength(password, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  ) {
    return fail(
      `the password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
    );
  }

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
          password,
        },
      };
    case 'set-password':
      return { ok: true, command: { name, username, password } };
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

function fail(error: string): ParsedCommand {
  return { ok: false, error };
}

function firstSentence(error: unknown): string {
  // Not `instanceof Error`: under Jest, Node's errors come from another realm.
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : String(error);
  return message.split(/\.\s/)[0].replace(/\.$/, '');
}
