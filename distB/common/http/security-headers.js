"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SECURITY_HEADERS = void 0;
exports.addSecurityHeaders = addSecurityHeaders;
const helmet_1 = __importDefault(require("helmet"));
/**
 * helmet's headers for its default policy, worked out once. That policy is
 * the same for every request (no nonces, no per-request directives), so
 * running the middleware per request, as @fastify/helmet does, only repeats
 * a dozen `setHeader` calls whose raw headers Node must then merge with
 * Fastify's: it cost about 8 % of a GET list(100).
 */
function helmetDefaultHeaders() {
    const headers = {};
    const recorder = {
        setHeader(name, value) {
            headers[name.toLowerCase()] = String(value);
        },
        removeHeader(name) {
            delete headers[name.toLowerCase()];
        },
    };
    let finished = false;
    (0, helmet_1.default)()({ headers: {} }, recorder, (error) => {
        if (error)
            throw error instanceof Error ? error : new Error('helmet');
        finished = true;
    });
    // A helmet whose policy needed the request would not finish synchronously.
    if (!finished)
        throw new Error('helmet did not set its headers at once');
    return Object.freeze(headers);
}
exports.SECURITY_HEADERS = helmetDefaultHeaders();
/** onRequest: helmet's headers on every answer, errors included. */
function addSecurityHeaders(_request, reply, done) {
    reply.headers(exports.SECURITY_HEADERS);
    done();
}
//# sourceMappingURL=security-headers.js.map