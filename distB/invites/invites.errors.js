"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CodeSpaceExhaustedError = exports.InvalidInviteCodeError = exports.InviteNotFoundError = exports.NoCodeError = exports.InvalidQueryError = exports.InvalidMaxUsesError = exports.InvalidCountError = exports.InvalidDateError = exports.InvitesDisabledError = void 0;
const domain_error_1 = require("../common/errors/domain-error");
class InvitesDisabledError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invites are disabled');
    }
}
exports.InvitesDisabledError = InvitesDisabledError;
class InvalidDateError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invalid date');
    }
}
exports.InvalidDateError = InvalidDateError;
class InvalidCountError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invalid count');
    }
}
exports.InvalidCountError = InvalidCountError;
class InvalidMaxUsesError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invalid maxUses');
    }
}
exports.InvalidMaxUsesError = InvalidMaxUsesError;
class InvalidQueryError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invalid query');
    }
}
exports.InvalidQueryError = InvalidQueryError;
class NoCodeError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('no code');
    }
}
exports.NoCodeError = NoCodeError;
class InviteNotFoundError extends domain_error_1.DomainError {
    kind = 'not-found';
    constructor() {
        super('invite not found');
    }
}
exports.InviteNotFoundError = InviteNotFoundError;
/**
 * One answer for a missing, unknown, expired or used-up code, so the
 * registration form cannot be used as an oracle for which codes exist.
 */
class InvalidInviteCodeError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('invalid invite code');
    }
}
exports.InvalidInviteCodeError = InvalidInviteCodeError;
/** Fresh codes kept colliding: only possible with a broken generator or a full code space. */
class CodeSpaceExhaustedError extends Error {
    constructor(attempts) {
        super(`could not find unused invite codes after ${attempts} attempts`);
    }
}
exports.CodeSpaceExhaustedError = CodeSpaceExhaustedError;
//# sourceMappingURL=invites.errors.js.map