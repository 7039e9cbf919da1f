import {
  InvalidFieldError,
  UnknownFieldsError,
} from '../common/errors/domain-error';
import { INT4_MAX } from '../database/postgres-int';
import { parseExpiry } from './expiry';
import { NOTE_MAX_LENGTH } from './invite-limits';
import {
  InvalidCountError,
  InvalidMaxUsesError,
  InvalidNoteError,
} from './invites.errors';

export interface CreateInvitesInput {
  /**
   * When the request was read, which a relative expiry counts from: the
   * invites' createdAt, so `1d` expires exactly a day after it.
   */
  createdAt: Date;
  expiresAt: Date | null;
  count: number;
  /** null: unlimited. */
  maxUses: number | null;
  note: string | null;
}

/** A PATCH: only the keys present change. */
export interface UpdateInviteInput {
  expiresAt?: Date | null;
  maxUses?: number | null;
  note?: string | null;
}

type Body = Record<string, unknown>;

const CREATE_FIELDS = ['expiresAt', 'count', 'maxUses', 'note'];
const UPDATE_FIELDS = ['expiresAt', 'maxUses', 'note'];

/**
 * Reads a POST body: unknown keys first (no mass assignment), then every
 * field, in the contract's order (expiresAt, count, maxUses, note): the
 * first problem gives the `error`, and `details` names every failing field.
 * Numbers may come as JSON numbers or strings of digits ("3"), never as
 * fractions (2.5), booleans or anything else.
 */
export function parseCreateInvitesInput(
  body: Body,
  limits: { maxCount: number },
  now: Date,
): CreateInvitesInput {
  assertKnownFields(body, CREATE_FIELDS);
  const fields = new FieldReader();
  const expiresAt = fields.read(() => parseExpiry(body.expiresAt, now));
  const count = fields.read(() => parseCount(body.count, limits.maxCount));
  const maxUses = fields.read(() =>
    body.maxUses === undefined ? 1 : parseMaxUses(body.maxUses),
  );
  const note = fields.read(() =>
    body.note === undefined ? null : parseNote(body.note),
  );
  fields.assertAllRead();
  return { createdAt: now, expiresAt, count, maxUses, note };
}

/**
 * Reads a PATCH body in the same order and with the same rules as a POST;
 * an absent key stays absent. Whether maxUses is below the current uses is
 * the database's to say, in the UPDATE itself.
 */
export function parseUpdateInviteInput(
  body: Body,
  now: Date,
): UpdateInviteInput {
  assertKnownFields(body, UPDATE_FIELDS);
  const fields = new FieldReader();
  const input: UpdateInviteInput = {};
  if (body.expiresAt !== undefined)
    input.expiresAt = fields.read(() => parseExpiry(body.expiresAt, now));
  if (body.maxUses !== undefined)
    input.maxUses = fields.read(() => parseMaxUses(body.maxUses));
  if (body.note !== undefined)
    input.note = fields.read(() => parseNote(body.note));
  fields.assertAllRead();
  return input;
}

/** Runs each field's parser, keeping every field's failure for one answer. */
class FieldReader {
  private readonly failures: InvalidFieldError[] = [];

  /**
   * The parsed value. When the field fails, undefined in its place: never
   * seen, since assertAllRead then throws before the values are used.
   */
  read<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InvalidFieldError)) throw error;
      this.failures.push(error);
      return undefined as T;
    }
  }

  /** @throws the first failure, its `details` naming every failing field. */
  assertAllRead(): void {
    const [first, ...others] = this.failures;
    if (first) throw first.alongside(others);
  }
}

/** Every unknown key in `details`; the first one names the `error`. */
function assertKnownFields(body: Body, fields: string[]): void {
  const unknown = Object.keys(body).filter((key) => !fields.includes(key));
  if (unknown.length > 0) throw new UnknownFieldsError(unknown);
}

function parseCount(value: unknown, maxCount: number): number {
  const count = value == null ? 1 : toInteger(value);
  if (count === null || count < 1 || count > maxCount) {
    throw new InvalidCountError();
  }
  return count;
}

function parseMaxUses(value: unknown): number | null {
  if (value === null) return null;
  const maxUses = toInteger(value);
  if (maxUses === null || maxUses < 1 || maxUses > INT4_MAX) {
    throw new InvalidMaxUsesError();
  }
  return maxUses;
}

/** Trimmed; empty means no note. NUL cannot be stored in PostgreSQL text. */
function parseNote(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw new InvalidNoteError();
  const note = value.trim();
  if ([...note].length > NOTE_MAX_LENGTH || note.includes('\u0000')) {
    throw new InvalidNoteError();
  }
  return note === '' ? null : note;
}

function toInteger(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value))
    return Number(value);
  return null;
}
