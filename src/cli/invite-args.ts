import { parseArgs, type ParseArgsConfig } from 'node:util';
import { INT4_MAX } from '../database/postgres-int';
import {
  type CreateInvitesInput,
  parseCreateInvitesInput,
} from '../invites/create-invites-input';
import type { InviteKey } from '../invites/invites.service';
import { MAX_PAGE_SIZE } from '../invites/list-invites-query';
import { firstSentence } from './exit';

export const INVITE_USAGE = `Invite commands (add --json for machine-readable output):
  invite create [--count N] [--expires <when>] [--max-uses N|unlimited] [--note <text>]
      Creates invites, by the first administrator. --expires takes what the
      API's expiresAt does: never, 7d, 12h, 2030-01-31, date=<date>.
  invite list [--valid] [--revoked] [--limit N]
      Lists invites, newest first; --valid: only redeemable ones.
  invite show|revoke|unrevoke|delete <id|code>
      One invite, by its id (digits only) or its code.`;

/** The most invites one `invite create` makes: INVITES_MAX_COUNT's own ceiling. */
const CLI_MAX_COUNT = 10_000;

export type InviteCommand = { json: boolean } & (
  | ({ action: 'create' } & CreateInvitesInput)
  | { action: 'list'; valid?: true; revoked?: true; limit?: number }
  | { action: 'show' | 'revoke' | 'unrevoke' | 'delete'; invite: InviteKey }
);

export type ParsedInviteCommand =
  { ok: true; command: InviteCommand } | { ok: false; error: string };

type Options = NonNullable<ParseArgsConfig['options']>;
const JSON_OPTION: Options = { json: { type: 'boolean' } };
const OPTIONS: Record<string, Options> = {
  create: {
    ...JSON_OPTION,
    count: { type: 'string' },
    expires: { type: 'string' },
    'max-uses': { type: 'string' },
    note: { type: 'string' },
  },
  list: {
    ...JSON_OPTION,
    valid: { type: 'boolean' },
    revoked: { type: 'boolean' },
    limit: { type: 'string' },
  },
  show: JSON_OPTION,
  revoke: JSON_OPTION,
  unrevoke: JSON_OPTION,
  delete: JSON_OPTION,
};

type Values = Record<string, string | boolean | undefined>;

/**
 * `invite <action> …` into one command, checked completely before anything
 * starts: values go through the API's own parsers, so the CLI accepts what
 * the API accepts. Errors are one line, naming the flag.
 */
export function parseInviteCommand(
  argv: readonly string[],
  now = new Date(),
): ParsedInviteCommand {
  const [action, ...rest] = argv;
  if (action === undefined) return fail('invite needs an action');
  if (!Object.hasOwn(OPTIONS, action)) {
    return fail(`unknown invite action "${action}"`);
  }
  let values: Values;
  let positionals: string[];
  try {
    const result = parseArgs({
      args: [...rest],
      options: OPTIONS[action],
      strict: true,
      allowPositionals: true,
    });
    // Narrower than parseArgs' own type, and true: no option is `multiple`.
    values = result.values as Values;
    positionals = result.positionals;
  } catch (error) {
    return fail(firstSentence(error));
  }
  const json = values.json === true;
  switch (action) {
    case 'create':
      return positionals.length > 0
        ? fail(`invite create takes no arguments, got "${positionals[0]}"`)
        : parseCreate(values, json, now);
    case 'list':
      return positionals.length > 0
        ? fail(`invite list takes no arguments, got "${positionals[0]}"`)
        : parseList(values, json);
    default: {
      if (positionals.length !== 1) {
        return fail(`invite ${action} needs one id or code`);
      }
      return {
        ok: true,
        command: {
          action: action as 'show' | 'revoke' | 'unrevoke' | 'delete',
          invite: toInviteKey(positionals[0]),
          json,
        },
      };
    }
  }
}

function parseCreate(
  values: Values,
  json: boolean,
  now: Date,
): ParsedInviteCommand {
  const maxUses = values['max-uses'] as string | undefined;
  const body = {
    count: values.count,
    expiresAt: values.expires,
    maxUses: maxUses === 'unlimited' ? null : maxUses,
    note: values.note,
  };
  try {
    const input = parseCreateInvitesInput(
      body,
      { maxCount: CLI_MAX_COUNT },
      now,
    );
    return { ok: true, command: { action: 'create', json, ...input } };
  } catch (error) {
    const message = firstSentence(error);
    const flag = {
      'invalid date': `--expires "${String(values.expires)}": use never, a duration such as 7d, or a date`,
      'invalid count': `--count "${String(values.count)}": use a whole number from 1 to ${CLI_MAX_COUNT}`,
      'invalid maxUses': `--max-uses "${String(maxUses)}": use a whole number from 1 or unlimited`,
      'invalid note': '--note: at most 500 characters',
    }[message];
    return fail(flag ? `invalid ${flag}` : message);
  }
}

function parseList(values: Values, json: boolean): ParsedInviteCommand {
  const command: InviteCommand = { action: 'list', json };
  if (values.valid) command.valid = true;
  if (values.revoked) command.revoked = true;
  if (values.limit !== undefined) {
    const limit = String(values.limit);
    if (!/^\d{1,4}$/.test(limit) || +limit < 1 || +limit > MAX_PAGE_SIZE) {
      return fail(
        `invalid --limit "${limit}": use a whole number from 1 to ${MAX_PAGE_SIZE}`,
      );
    }
    command.limit = Number(limit);
  }
  return { ok: true, command };
}

/**
 * Digits that can be an id are an id; anything else is a code. A code of
 * digits only (possible, if unlikely) is named by its id instead.
 */
function toInviteKey(argument: string): InviteKey {
  if (/^\d{1,10}$/.test(argument) && Number(argument) <= INT4_MAX) {
    return { id: Number(argument) };
  }
  return { code: argument };
}

function fail(error: string): ParsedInviteCommand {
  return { ok: false, error };
}
