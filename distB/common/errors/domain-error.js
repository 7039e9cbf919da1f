"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnreadableBodyError = exports.DatabaseUnavailableError = exports.MethodNotAllowedError = exports.RouteNotFoundError = exports.NotAdministratorError = exports.NotLoggedInError = exports.InvalidInputError = exports.DomainError = void 0;
/**
 * A failure the caller can act on. `message` is the exact `error` string of
 * the API contract; `details` is optional extra context (e.g. each invalid
 * field) that is safe to show to the caller.
 */
class DomainError extends Error {
    details;
    constructor(message, details) {
        super(message);
        this.details = details;
        this.name = new.target.name;
    }
}
exports.DomainError = DomainError;
/** A request body or query that does not satisfy the contract. */
class InvalidInputError extends DomainError {
    kind = 'invalid';
}
exports.InvalidInputError = InvalidInputError;
class NotLoggedInError extends DomainError {
    kind = 'unauthenticated';
    constructor() {
        super('not logged in');
    }
}
exports.NotLoggedInError = NotLoggedInError;
class NotAdministratorError extends DomainError {
    kind = 'forbidden';
    constructor() {
        super('not an administrator');
    }
}
exports.NotAdministratorError = NotAdministratorError;
class RouteNotFoundError extends DomainError {
    kind = 'not-found';
    constructor() {
        super('not found');
    }
}
exports.RouteNotFoundError = RouteNotFoundError;
class MethodNotAllowedError extends DomainError {
    allowedMethods;
    kind = 'method-not-allowed';
    constructor(allowedMethods) {
        super('method not allowed');
        this.allowedMethods = allowedMethods;
    }
}
exports.MethodNotAllowedError = MethodNotAllowedError;
class DatabaseUnavailableError extends DomainError {
    kind = 'unavailable';
    constructor() {
        super('database unavailable');
    }
}
exports.DatabaseUnavailableError = DatabaseUnavailableError;
/** The body could not be read as JSON at all (raised by body-parser, before any route). */
class UnreadableBodyError extends DomainError {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
exports.UnreadableBodyError = UnreadableBodyError;
//# sourceMappingURL=domain-error.js.map