"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.buildConfig = buildConfig;
exports.loadConfig = loadConfig;
const node_path_1 = require("node:path");
const duration_1 = require("../common/duration");
const env_validation_1 = require("./env.validation");
const jwt_secret_1 = require("./jwt-secret");
/** Turns the validated environment into the typed configuration the app reads. */
function buildConfig(env) {
    const dataDir = (0, node_path_1.resolve)(env.DATA_DIR);
    return {
        app: {
            nodeEnv: env.NODE_ENV,
            port: env.PORT,
            bodyLimit: 100 * 1024,
            corsOrigins: (env.CORS_ORIGINS ?? '')
                .split(',')
                .map((origin) => origin.trim())
                .filter(Boolean),
            trustProxy: parseTrustProxy(env.TRUST_PROXY),
            shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT * 1000,
        },
        database: {
            url: env.DATABASE_URL,
            dataDir,
            connectTimeoutMs: 5000,
            statementTimeoutMs: 5000,
            poolSize: 10,
        },
        auth: {
            jwtSecret: env.JWT_SECRET ?? (0, jwt_secret_1.readOrCreateJwtSecret)(dataDir),
            jwtExpiresInSeconds: Math.round((0, duration_1.parseDuration)(env.JWT_EXPIRES_IN) / 1000),
            registrationEnabled: env.USER_REGISTRATION_ENABLED,
            adminUsername: env.ADMIN_USERNAME,
            adminPassword: env.ADMIN_PASSWORD,
        },
        invites: {
            enabled: env.INVITES_ENABLED,
            codeLength: env.INVITES_LENGTH,
            maxCount: env.INVITES_MAX_COUNT,
            cleanupIntervalSeconds: env.INVITES_CLEANUP_INTERVAL,
        },
        rateLimit: {
            authPerMinute: env.RATE_LIMIT_AUTH,
            redisUrl: env.REDIS_URL,
        },
    };
}
function parseTrustProxy(value) {
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    if (/^\d+$/.test(value))
        return Number(value);
    return value; // addresses or subnets, as Express reads them
}
/** Validates and builds in one step. @throws ConfigValidationError */
function loadConfig(raw = process.env) {
    return buildConfig((0, env_validation_1.validateEnvironment)(raw));
}
//# sourceMappingURL=configuration.js.map