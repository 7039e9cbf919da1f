"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCreateInvitesInput = parseCreateInvitesInput;
const expiry_1 = require("./expiry");
const invites_errors_1 = require("./invites.errors");
/** The largest value of the int column. */
const MAX_INT = 2_147_483_647;
/**
 * Reads a POST body, field by field in the contract's order (expiresAt,
 * count, maxUses), so the first problem reported is always the same one.
 * Numbers may come as JSON numbers or strings of digits ("3"), never as
 * fractions (2.5), booleans or anything else.
 */
function parseCreateInvitesInput(body, limits, now) {
    const expiresAt = (0, expiry_1.parseExpiry)(body.expiresAt, now);
    const count = body.count == null ? 1 : toInteger(body.count);
    if (count === null || count < 1 || count > limits.maxCount) {
        throw new invites_errors_1.InvalidCountError();
    }
    let maxUses = 1;
    if (body.maxUses === null) {
        maxUses = null;
    }
    else if (body.maxUses !== undefined) {
        maxUses = toInteger(body.maxUses);
        if (maxUses === null || maxUses < 1 || maxUses > MAX_INT) {
            throw new invites_errors_1.InvalidMaxUsesError();
        }
    }
    return { expiresAt, count, maxUses };
}
function toInteger(value) {
    if (typeof value === 'number')
        return Number.isSafeInteger(value) ? value : null;
    if (typeof value === 'string' && /^\d{1,15}$/.test(value))
        return Number(value);
    return null;
}
//# sourceMappingURL=create-invites-input.js.map