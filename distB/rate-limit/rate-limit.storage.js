"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDIS_OPTIONS = exports.REDIS_KEY_PREFIX = void 0;
exports.createRateLimitStorage = createRateLimitStorage;
const throttler_storage_redis_1 = require("@nest-lab/throttler-storage-redis");
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
/** Where the counters live in Redis, unless REDIS_URL says `?keyPrefix=…`. */
exports.REDIS_KEY_PREFIX = 'invite-service:rate-limit:';
/**
 * A Redis that is down or slow must not hold a login for long: a command
 * fails after one reconnection attempt or two seconds, and the request is
 * answered with a 500 (logged), instead of waiting in ioredis's queue. The
 * connection opens with the first counted request.
 */
exports.REDIS_OPTIONS = {
    keyPrefix: exports.REDIS_KEY_PREFIX,
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
};
const logger = new common_1.Logger('RateLimit');
/**
 * In memory by default (one budget per process); with REDIS_URL, in Redis,
 * so that several instances share one budget. The storage becomes the
 * throttler's ThrottlerStorage provider, so Nest closes it on shutdown: the
 * Redis store disconnects, the memory store stops its sweep timer.
 */
function createRateLimitStorage(rateLimit) {
    // Nothing is counted when the limit is off: no reason to connect.
    if (!rateLimit.redisUrl || rateLimit.authPerMinute === 0) {
        return new throttler_1.ThrottlerStorageService();
    }
    // Options in the URL (e.g. `?keyPrefix=`) win over REDIS_OPTIONS.
    const storage = new throttler_storage_redis_1.ThrottlerStorageRedisService(rateLimit.redisUrl, exports.REDIS_OPTIONS);
    logConnectionState(storage);
    return storage;
}
/** One line when Redis goes away and one when it is back, not one per retry. */
function logConnectionState(storage) {
    let reachable = true;
    storage.redis.on('error', (error) => {
        if (!reachable)
            return;
        reachable = false;
        logger.error(`Redis for rate limits unreachable: ${error.message}`);
    });
    storage.redis.on('ready', () => {
        if (reachable)
            return;
        reachable = true;
        logger.log('Redis for rate limits reachable again');
    });
}
//# sourceMappingURL=rate-limit.storage.js.map