import { parseDuration } from '../common/duration';
import { InvalidDateError } from './invites.errors';

/** ISO-8601: a date, optionally with a time and an offset (`2030-01-31T12:00:00.000Z`). */
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** The last moment an ISO-8601 string with a four-digit year can name. */
const LATEST_EXPIRY = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * When an invite expires, from what a client sent as `expiresAt`:
 * - absent, `null` or `"never"`: never (null);
 * - `"date=<any date string>"`: that date (what Zipline's dashboard sends);
 * - an ISO-8601 date;
 * - a duration (`30min`, `1.5h`, `2 hours`, `7d`, `1w`, `1y`) counted from `now`.
 * Durations are tried before dates because JavaScript's date parser accepts
 * nonsense such as `"1"` (the year 2001).
 * @throws InvalidDateError for anything else, for a moment not after `now`,
 * and for one after the year 9999 (its ISO string would need a six-digit year).
 */
export function parseExpiry(value: unknown, now: Date): Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidDateError();
  const text = value.trim();
  if (text.toLowerCase() === 'never') return null;

  let expiresAt: Date;
  if (text.toLowerCase().startsWith('date=')) {
    expiresAt = new Date(text.slice('date='.length).trim());
  } else {
    const duration = parseDuration(text);
    if (duration !== null) {
      expiresAt = new Date(now.getTime() + duration);
    } else if (ISO_8601.test(text)) {
      expiresAt = new Date(text);
    } else {
      throw new InvalidDateError();
    }
  }
  if (
    !Number.isFinite(expiresAt.getTime()) ||
    !namesRealDay(text.replace(/^date=\s*/i, '')) ||
    expiresAt.getTime() <= now.getTime() ||
    expiresAt.getTime() > LATEST_EXPIRY
  ) {
    throw new InvalidDateError();
  }
  return expiresAt;
}

/**
 * False for a text that starts with a year-month-day the calendar lacks
 * (`2030-02-30`, `2030-04-31`): JavaScript's parser rolls those over into
 * the next month instead of refusing them.
 */
function namesRealDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
