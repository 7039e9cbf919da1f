"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UserNotFoundError = exports.UsernameTakenError = void 0;
const domain_error_1 = require("../common/errors/domain-error");
class UsernameTakenError extends domain_error_1.DomainError {
    kind = 'conflict';
    constructor() {
        super('username already exists');
    }
}
exports.UsernameTakenError = UsernameTakenError;
class UserNotFoundError extends domain_error_1.DomainError {
    kind = 'not-found';
    constructor(username) {
        super(`user not found: ${username}`);
    }
}
exports.UserNotFoundError = UserNotFoundError;
//# sourceMappingURL=users.errors.js.map