import { INT4_MAX } from '../database/postgres-int';
import { isStorableText } from '../database/postgres-text';
import { InvalidQueryError } from './invites.errors';

export const MAX_PAGE_SIZE = 1000;

/** Where the previous page ended, in the list order (createdAt desc, id desc). */
export interface InviteCursor {
  /** PostgreSQL's own text for the timestamp: microsecond precision, unlike a JS Date. */
  createdAt: string;
  id: number;
}

/** A page request: `limit` rows after `cursor`. */
export interface PageQuery {
  /** Absent: every row in one answer, as the seed's GET does. */
  limit?: number;
  cursor?: InviteCursor;
}

export interface InviteFilters {
  used?: boolean;
  expired?: boolean;
  revoked?: boolean;
  valid?: boolean;
  createdById?: number;
  code?: string;
}

export type ListInvitesQuery = InviteFilters & PageQuery;

const BOOLEAN: Record<string, boolean> = { true: true, false: false };
const BOOLEAN_FILTERS = ['used', 'expired', 'revoked', 'valid'] as const;

/**
 * Reads GET /api/auth/invite's query. Unknown parameters are ignored (cache
 * busters are common); a known one with a bad or repeated value is refused.
 * @throws InvalidQueryError
 */
export function parseListInvitesQuery(
  query: Record<string, unknown>,
): ListInvitesQuery {
  const result: ListInvitesQuery = {};
  for (const key of BOOLEAN_FILTERS) {
    const value = query[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !(value in BOOLEAN))
      throw new InvalidQueryError();
    result[key] = BOOLEAN[value];
  }
  if (query.createdById !== undefined) {
    result.createdById = parseId(query.createdById);
  }
  if (query.code !== undefined) {
    const code = query.code;
    if (typeof code !== 'string' || code === '' || !isStorableText(code))
      throw new InvalidQueryError();
    result.code = code;
  }
  return { ...result, ...parsePageQuery(query) };
}

/** `limit` (1..MAX_PAGE_SIZE) and `cursor`, shared by every paged list. */
export function parsePageQuery(query: Record<string, unknown>): PageQuery {
  const result: PageQuery = {};
  if (query.limit !== undefined) {
    const limit = query.limit;
    if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit))
      throw new InvalidQueryError();
    result.limit = Number(limit);
    if (result.limit < 1 || result.limit > MAX_PAGE_SIZE)
      throw new InvalidQueryError();
  }
  if (query.cursor !== undefined) {
    if (typeof query.cursor !== 'string') throw new InvalidQueryError();
    result.cursor = decodeCursor(query.cursor);
    // A cursor only makes sense with a page size.
    result.limit ??= MAX_PAGE_SIZE;
  }
  return result;
}

function parseId(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value))
    throw new InvalidQueryError();
  const id = Number(value);
  if (id < 1 || id > INT4_MAX) throw new InvalidQueryError();
  return id;
}

/**
 * The query of the page after this one: the same filters, in a fixed order
 * after `limit` and `cursor`, so a client that follows `Link` headers keeps
 * what it asked for.
 */
export function nextPageQuery(
  query: ListInvitesQuery,
  cursor: InviteCursor,
): URLSearchParams {
  const next = new URLSearchParams();
  next.set('limit', String(query.limit ?? MAX_PAGE_SIZE));
  next.set('cursor', encodeCursor(cursor));
  for (const key of [...BOOLEAN_FILTERS, 'createdById', 'code'] as const) {
    const value = query[key];
    if (value !== undefined) next.set(key, String(value));
  }
  return next;
}

/** Opaque to clients: base64url of `<createdAt>|<id>`. */
export function encodeCursor(cursor: InviteCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

const CURSOR_PATTERN =
  /^((\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?([+-])(\d\d)(?::(\d\d))?)\|(\d{1,10})$/;

/**
 * Decodes and checks a cursor completely: every value that reaches SQL must
 * be one PostgreSQL accepts (a real calendar date, an offset within ±15:59,
 * an id of the int column), or a forged cursor would surface as a 500
 * instead of `invalid query`.
 */
function decodeCursor(text: string): InviteCursor {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(text)
    ? Buffer.from(text, 'base64url').toString('utf8')
    : '';
  const match = CURSOR_PATTERN.exec(decoded);
  if (!match) throw new InvalidQueryError();
  const [, createdAt, year, month, day, hour, minute, second] = match;
  const [offsetHours, offsetMinutes = '00', id] = match.slice(9);
  const numbers = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, se] = numbers;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const valid =
    y >= 1 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth &&
    h <= 23 &&
    mi <= 59 &&
    se <= 59 &&
    Number(offsetHours) <= 15 &&
    Number(offsetMinutes) <= 59 &&
    Number(id) >= 1 &&
    Number(id) <= INT4_MAX;
  if (!valid) throw new InvalidQueryError();
  return { createdAt, id: Number(id) };
}
