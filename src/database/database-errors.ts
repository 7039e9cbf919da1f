import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

/** Node socket errors that mean the server cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs that mean "the database is not serving right now":
 * class 08 (connection exception), 53300 (too many connections), 57P01..03
 * (shutting down, crashed, starting up), 57014 (statement timeout: the query
 * was cancelled because the server did not answer in time).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code === '53300' ||
    code === '57014' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03'
  );
}

/** Messages node-postgres uses for a lost or unobtainable connection. */
const LOST_CONNECTION =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|cannot use a pool after calling end|client has encountered a connection error|the database system is (starting up|shutting down)/i;

/** True when an error means the database is unreachable, not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a transaction's runner when its connection breaks; the
  // next statement or the COMMIT then fails with one of these instead of a
  // driver error.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const candidate =
    error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Duck-typed rather than `instanceof Error`: socket errors are created by
  // Node's core, which under Jest is another realm with another Error.
  if (typeof candidate !== 'object' || candidate === null) return false;
  const { code, message } = candidate as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || isUnavailableSqlState(code)) return true;
  }
  return typeof message === 'string' && LOST_CONNECTION.test(message);
}

/** PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(
  error: unknown,
  constraint?: string,
): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as {
    code?: string;
    constraint?: string;
  };
  return (
    driverError.code === '23505' &&
    (constraint === undefined || driverError.constraint === constraint)
  );
}
