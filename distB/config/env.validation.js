"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigValidationError = exports.EnvironmentVariables = void 0;
exports.validateEnvironment = validateEnvironment;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const duration_1 = require("../common/duration");
/** Zipline's variable names, accepted so a Zipline `.env` keeps working. */
const ALIASES = {
    FEATURES_INVITES: 'INVITES_ENABLED',
    FEATURES_INVITES_LENGTH: 'INVITES_LENGTH',
};
/** A string of digits becomes a number; anything else stays a string so @IsInt rejects it. */
const toInt = () => (0, class_transformer_1.Transform)(({ value }) => typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
    ? Number(value)
    : value);
const toBool = () => (0, class_transformer_1.Transform)(({ value }) => {
    if (typeof value !== 'string')
        return value;
    const normalized = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(normalized))
        return true;
    if (['false', '0', 'no', 'off'].includes(normalized))
        return false;
    return value;
});
const IsDuration = (message) => (0, class_validator_1.ValidateBy)({
    name: 'isDuration',
    validator: {
        validate: (value) => typeof value === 'string' && (0, duration_1.parseDuration)(value) !== null,
        defaultMessage: () => message,
    },
});
/**
 * The environment as the service accepts it. Every variable of API.md's
 * configuration table is here, with its default; a wrong value is reported by
 * name instead of falling back silently.
 */
class EnvironmentVariables {
    NODE_ENV = 'development';
    PORT = 3000;
    DATABASE_URL;
    DATA_DIR = './data';
    JWT_SECRET;
    JWT_EXPIRES_IN = '1d';
    INVITES_ENABLED = true;
    INVITES_LENGTH = 8;
    INVITES_MAX_COUNT = 100;
    INVITES_CLEANUP_INTERVAL = 0;
    USER_REGISTRATION_ENABLED = false;
    RATE_LIMIT_AUTH = 20;
    REDIS_URL;
    CORS_ORIGINS;
    TRUST_PROXY = 'false';
    SHUTDOWN_TIMEOUT = 10;
    ADMIN_USERNAME = 'administrator';
    ADMIN_PASSWORD;
}
exports.EnvironmentVariables = EnvironmentVariables;
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['development', 'production', 'test'], {
        message: 'NODE_ENV must be one of development, production, test',
    }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({ message: 'PORT must be an integer from 0 to 65535' }),
    (0, class_validator_1.Min)(0, { message: 'PORT must be an integer from 0 to 65535' }),
    (0, class_validator_1.Max)(65535, { message: 'PORT must be an integer from 0 to 65535' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "PORT", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1, { message: 'DATABASE_URL must not be empty when set' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1, { message: 'DATA_DIR must not be empty' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "DATA_DIR", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(32, { message: 'JWT_SECRET must be at least 32 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "JWT_SECRET", void 0);
__decorate([
    IsDuration('JWT_EXPIRES_IN must be a duration such as 1h, 12h or 7d'),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "JWT_EXPIRES_IN", void 0);
__decorate([
    toBool(),
    (0, class_validator_1.IsBoolean)({ message: 'INVITES_ENABLED must be true or false' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "INVITES_ENABLED", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({ message: 'INVITES_LENGTH must be an integer from 6 to 64' }),
    (0, class_validator_1.Min)(6, { message: 'INVITES_LENGTH must be an integer from 6 to 64' }),
    (0, class_validator_1.Max)(64, { message: 'INVITES_LENGTH must be an integer from 6 to 64' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "INVITES_LENGTH", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({ message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000' }),
    (0, class_validator_1.Min)(1, { message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000' }),
    (0, class_validator_1.Max)(10000, {
        message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000',
    }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "INVITES_MAX_COUNT", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({
        message: 'INVITES_CLEANUP_INTERVAL must be a whole number of seconds (0 = off)',
    }),
    (0, class_validator_1.Min)(0, {
        message: 'INVITES_CLEANUP_INTERVAL must be a whole number of seconds (0 = off)',
    }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "INVITES_CLEANUP_INTERVAL", void 0);
__decorate([
    toBool(),
    (0, class_validator_1.IsBoolean)({ message: 'USER_REGISTRATION_ENABLED must be true or false' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "USER_REGISTRATION_ENABLED", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({ message: 'RATE_LIMIT_AUTH must be a whole number (0 = off)' }),
    (0, class_validator_1.Min)(0, { message: 'RATE_LIMIT_AUTH must be a whole number (0 = off)' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "RATE_LIMIT_AUTH", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1, { message: 'REDIS_URL must not be empty when set' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "REDIS_URL", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^(\*|https?:\/\/[^\s,]+)(\s*,\s*https?:\/\/[^\s,]+)*$/, {
        message: 'CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.com',
    }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "CORS_ORIGINS", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/, {
        message: 'TRUST_PROXY must be true, false, a number of proxies, or a comma-separated list of proxy addresses',
    }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "TRUST_PROXY", void 0);
__decorate([
    toInt(),
    (0, class_validator_1.IsInt)({
        message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
    }),
    (0, class_validator_1.Min)(1, {
        message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
    }),
    (0, class_validator_1.Max)(600, {
        message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
    }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "SHUTDOWN_TIMEOUT", void 0);
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1, { message: 'ADMIN_USERNAME must not be empty' }),
    (0, class_validator_1.MaxLength)(64, { message: 'ADMIN_USERNAME must be at most 64 characters' }),
    __metadata("design:type", Object)
], EnvironmentVariables.prototype, "ADMIN_USERNAME", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' }),
    __metadata("design:type", String)
], EnvironmentVariables.prototype, "ADMIN_PASSWORD", void 0);
class ConfigValidationError extends Error {
}
exports.ConfigValidationError = ConfigValidationError;
/**
 * Validates the raw environment. Empty strings count as unset, so `PORT=` in a
 * `.env` file means "use the default" rather than "port 0".
 * @throws ConfigValidationError whose message names the first bad variable.
 */
function validateEnvironment(raw) {
    const present = {};
    for (const [key, value] of Object.entries(raw)) {
        if (value !== undefined && value !== '')
            present[key] = value;
    }
    for (const [alias, name] of Object.entries(ALIASES)) {
        if (present[name] === undefined && present[alias] !== undefined) {
            present[name] = present[alias];
        }
    }
    const env = (0, class_transformer_1.plainToInstance)(EnvironmentVariables, present, {
        excludeExtraneousValues: false,
    });
    const errors = (0, class_validator_1.validateSync)(env, { skipMissingProperties: false });
    if (errors.length > 0) {
        const first = errors[0];
        const message = Object.values(first.constraints ?? {})[0] ??
            `${first.property} is invalid`;
        throw new ConfigValidationError(message);
    }
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
        throw new ConfigValidationError('JWT_SECRET must be set (at least 32 characters) when NODE_ENV=production');
    }
    return env;
}
//# sourceMappingURL=env.validation.js.map