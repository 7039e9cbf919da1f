"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RATE_LIMIT_WINDOW_MS = void 0;
exports.rateLimitOptions = rateLimitOptions;
/** RATE_LIMIT_AUTH counts requests per minute. */
exports.RATE_LIMIT_WINDOW_MS = 60_000;
/**
 * The throttler's options for RATE_LIMIT_AUTH: `authPerMinute` requests per
 * minute per client IP, and a client over the limit is refused for one
 * window (429 with Retry-After). 0 turns the limit off.
 */
function rateLimitOptions(rateLimit, storage) {
    const disabled = rateLimit.authPerMinute === 0;
    return {
        // The throttler named "default" keeps the plain header names
        // (Retry-After, X-RateLimit-*); any other name suffixes them.
        throttlers: [
            {
                name: 'default',
                limit: rateLimit.authPerMinute,
                ttl: exports.RATE_LIMIT_WINDOW_MS,
                blockDuration: exports.RATE_LIMIT_WINDOW_MS,
            },
        ],
        skipIf: () => disabled,
        // One budget per client for login and register together, instead of the
        // throttler's default of one per route: guessing passwords on one route
        // must not leave a fresh budget on the other. The tracker is req.ip
        // (IPv4-mapped addresses unwrapped, IPv6 grouped by /64).
        generateKey: (_context, tracker) => `auth:${tracker}`,
        storage,
    };
}
//# sourceMappingURL=rate-limit.options.js.map