"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REQUEST_ID_HEADER = void 0;
exports.requestIdFor = requestIdFor;
exports.echoRequestId = echoRequestId;
const node_crypto_1 = require("node:crypto");
exports.REQUEST_ID_HEADER = 'X-Request-Id';
/** What a caller's id may look like; anything else is replaced, so logs cannot be forged. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * Fastify's `genReqId`: the caller's X-Request-Id when acceptable, else a
 * fresh UUID. Fastify keeps it as `request.id`, which the logs use.
 */
function requestIdFor(request) {
    const offered = request.headers['x-request-id'];
    return typeof offered === 'string' && ACCEPTABLE_ID.test(offered)
        ? offered
        : (0, node_crypto_1.randomUUID)();
}
/** onRequest: echoes the id, on every answer including errors. */
function echoRequestId(request, reply, done) {
    reply.header(exports.REQUEST_ID_HEADER, request.id);
    done();
}
//# sourceMappingURL=request-id.hook.js.map