"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAGE_SIZE = void 0;
exports.parseListInvitesQuery = parseListInvitesQuery;
exports.encodeCursor = encodeCursor;
const invites_errors_1 = require("./invites.errors");
exports.MAX_PAGE_SIZE = 1000;
const BOOLEAN = { true: true, false: false };
/**
 * Reads GET /api/auth/invite's query. Unknown parameters are ignored (cache
 * busters are common); a known one with a bad or repeated value is refused.
 * @throws InvalidQueryError
 */
function parseListInvitesQuery(query) {
    const result = {};
    for (const key of ['used', 'expired']) {
        const value = query[key];
        if (value === undefined)
            continue;
        if (typeof value !== 'string' || !(value in BOOLEAN))
            throw new invites_errors_1.InvalidQueryError();
        result[key] = BOOLEAN[value];
    }
    if (query.limit !== undefined) {
        const limit = query.limit;
        if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit))
            throw new invites_errors_1.InvalidQueryError();
        result.limit = Number(limit);
        if (result.limit < 1 || result.limit > exports.MAX_PAGE_SIZE)
            throw new invites_errors_1.InvalidQueryError();
    }
    if (query.cursor !== undefined) {
        if (typeof query.cursor !== 'string')
            throw new invites_errors_1.InvalidQueryError();
        result.cursor = decodeCursor(query.cursor);
        // A cursor only makes sense with a page size.
        result.limit ??= exports.MAX_PAGE_SIZE;
    }
    return result;
}
/** Opaque to clients: base64url of `<createdAt>|<id>`. */
function encodeCursor(cursor) {
    return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}
const CURSOR_PATTERN = /^((\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?([+-])(\d\d)(?::(\d\d))?)\|(\d{1,10})$/;
/** The largest id of an int column. */
const MAX_ID = 2_147_483_647;
/**
 * Decodes and checks a cursor completely: every value that reaches SQL must
 * be one PostgreSQL accepts (a real calendar date, an offset within ±15:59,
 * an id of the int column), or a forged cursor would surface as a 500
 * instead of `invalid query`.
 */
function decodeCursor(text) {
    const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(text)
        ? Buffer.from(text, 'base64url').toString('utf8')
        : '';
    const match = CURSOR_PATTERN.exec(decoded);
    if (!match)
        throw new invites_errors_1.InvalidQueryError();
    const [, createdAt, year, month, day, hour, minute, second] = match;
    const [offsetHours, offsetMinutes = '00', id] = match.slice(9);
    const numbers = [year, month, day, hour, minute, second].map(Number);
    const [y, mo, d, h, mi, se] = numbers;
    const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const valid = y >= 1 &&
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
        Number(id) <= MAX_ID;
    if (!valid)
        throw new invites_errors_1.InvalidQueryError();
    return { createdAt, id: Number(id) };
}
//# sourceMappingURL=list-invites-query.js.map