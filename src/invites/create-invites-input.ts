import { parseExpiry } from './expiry';
import { InvalidCountError, InvalidMaxUsesError } from './invites.errors';

/** The largest value of the int column. */
const MAX_INT = 2_147_483_647;

export interface CreateInvitesInput {
  expiresAt: Date | null;
  count: number;
  /** null: unlimited. */
  maxUses: number | null;
}

/**
 * Reads a POST body, field by field in the contract's order (expiresAt,
 * count, maxUses), so the first problem reported is always the same one.
 * Numbers may come as JSON numbers or strings of digits ("3"), never as
 * fractions (2.5), booleans or anything else.
 */
export function parseCreateInvitesInput(
  body: { expiresAt?: unknown; count?: unknown; maxUses?: unknown },
  limits: { maxCount: number },
  now: Date,
): CreateInvitesInput {
  const expiresAt = parseExpiry(body.expiresAt, now);

  const count = body.count == null ? 1 : toInteger(body.count);
  if (count === null || count < 1 || count > limits.maxCount) {
    throw new InvalidCountError();
  }

  let maxUses: number | null = 1;
  if (body.maxUses === null) {
    maxUses = null;
  } else if (body.maxUses !== undefined) {
    maxUses = toInteger(body.maxUses);
    if (maxUses === null || maxUses < 1 || maxUses > MAX_INT) {
      throw new InvalidMaxUsesError();
    }
  }
  return { expiresAt, count, maxUses };
}

function toInteger(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value))
    return Number(value);
  return null;
}
