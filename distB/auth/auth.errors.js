"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistrationDisabledError = exports.InvalidCredentialsError = void 0;
const domain_error_1 = require("../common/errors/domain-error");
class InvalidCredentialsError extends domain_error_1.DomainError {
    kind = 'unauthenticated';
    constructor() {
        super('invalid username or password');
    }
}
exports.InvalidCredentialsError = InvalidCredentialsError;
class RegistrationDisabledError extends domain_error_1.DomainError {
    kind = 'invalid';
    constructor() {
        super('registration is disabled');
    }
}
exports.RegistrationDisabledError = RegistrationDisabledError;
//# sourceMappingURL=auth.errors.js.map