"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseExpiry = parseExpiry;
const duration_1 = require("../common/duration");
const invites_errors_1 = require("./invites.errors");
/** ISO-8601: a date, optionally with a time and an offset (`2030-01-31T12:00:00.000Z`). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/**
 * When an invite expires, from what a client sent as `expiresAt`:
 * - absent, `null` or `"never"`: never (null);
 * - `"date=<any date string>"`: that date (what Zipline's dashboard sends);
 * - an ISO-8601 date;
 * - a duration (`30min`, `1.5h`, `2 hours`, `7d`, `1w`, `1y`) counted from `now`.
 * Durations are tried before dates because JavaScript's date parser accepts
 * nonsense such as `"1"` (the year 2001).
 * @throws InvalidDateError for anything else, and for a moment not after `now`.
 */
function parseExpiry(value, now) {
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string')
        throw new invites_errors_1.InvalidDateError();
    const text = value.trim();
    if (text.toLowerCase() === 'never')
        return null;
    let expiresAt;
    if (text.toLowerCase().startsWith('date=')) {
        expiresAt = new Date(text.slice('date='.length).trim());
    }
    else {
        const duration = (0, duration_1.parseDuration)(text);
        if (duration !== null) {
            expiresAt = new Date(now.getTime() + duration);
        }
        else if (ISO_8601.test(text)) {
            expiresAt = new Date(text);
        }
        else {
            throw new invites_errors_1.InvalidDateError();
        }
    }
    if (!Number.isFinite(expiresAt.getTime()) ||
        expiresAt.getTime() <= now.getTime()) {
        throw new invites_errors_1.InvalidDateError();
    }
    return expiresAt;
}
//# sourceMappingURL=expiry.js.map