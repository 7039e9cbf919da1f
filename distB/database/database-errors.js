"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isDatabaseUnavailable = isDatabaseUnavailable;
exports.isUniqueViolation = isUniqueViolation;
const typeorm_1 = require("typeorm");
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
function isUnavailableSqlState(code) {
    return (code.startsWith('08') ||
        code === '53300' ||
        code === '57014' ||
        code === '57P01' ||
        code === '57P02' ||
        code === '57P03');
}
/** Messages node-postgres uses for a lost or unobtainable connection. */
const LOST_CONNECTION = /connection terminated|timeout exceeded when trying to connect|connection timeout|cannot use a pool after calling end|client has encountered a connection error|the database system is (starting up|shutting down)/i;
/** True when an error means the database is unreachable, not that the query was wrong. */
function isDatabaseUnavailable(error) {
    // TypeORM releases a transaction's runner when its connection breaks; the
    // COMMIT that follows then fails with this instead of a driver error.
    if (error instanceof typeorm_1.QueryRunnerAlreadyReleasedError)
        return true;
    const candidate = error instanceof typeorm_1.QueryFailedError ? error.driverError : error;
    // Duck-typed rather than `instanceof Error`: socket errors are created by
    // Node's core, which under Jest is another realm with another Error.
    if (typeof candidate !== 'object' || candidate === null)
        return false;
    const { code, message } = candidate;
    if (typeof code === 'string') {
        if (NETWORK_CODES.has(code) || isUnavailableSqlState(code))
            return true;
    }
    return typeof message === 'string' && LOST_CONNECTION.test(message);
}
/** PostgreSQL's unique_violation, optionally on one named constraint or index. */
function isUniqueViolation(error, constraint) {
    if (!(error instanceof typeorm_1.QueryFailedError))
        return false;
    const driverError = error.driverError;
    return (driverError.code === '23505' &&
        (constraint === undefined || driverError.constraint === constraint));
}
//# sourceMappingURL=database-errors.js.map