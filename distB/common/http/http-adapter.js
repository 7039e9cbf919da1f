"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHttpAdapter = createHttpAdapter;
const platform_fastify_1 = require("@nestjs/platform-fastify");
const node_querystring_1 = require("node:querystring");
const request_id_hook_1 = require("../hooks/request-id.hook");
const client_error_handler_1 = require("./client-error-handler");
const security_headers_1 = require("./security-headers");
/**
 * The HTTP server under Nest: Fastify, chosen over Express because the
 * framework's own cost per request is several times lower (see
 * docs/benchmarks.md). Its options keep the matching rules the API was
 * specified with: paths match case-insensitively and with or without a
 * trailing slash, repeated query keys become arrays, and every error,
 * including malformed requests, gets the contract's JSON body.
 */
function createHttpAdapter(config) {
    return new platform_fastify_1.FastifyAdapter({
        trustProxy: config.app.trustProxy,
        genReqId: request_id_hook_1.requestIdFor,
        routerOptions: {
            caseSensitive: false,
            ignoreTrailingSlash: true,
            querystringParser: (query) => (0, node_querystring_1.parse)(query),
        },
        clientErrorHandler: client_error_handler_1.answerClientErrorAsJson,
        // A path that cannot be percent-decoded (`/api/%`) names no route: 404,
        // as for any other unknown path, rather than Fastify's own 400 body.
        frameworkErrors: (error, request, reply) => {
            const badUrl = error.code === 'FST_ERR_BAD_URL';
            const code = badUrl ? 404 : 400;
            void reply
                .headers(security_headers_1.SECURITY_HEADERS)
                .header(request_id_hook_1.REQUEST_ID_HEADER, request.id)
                .status(code)
                .send({ error: badUrl ? 'not found' : 'bad request', code });
        },
        // During shutdown, requests that still arrive on open connections are
        // answered (with Connection: close), not refused with Fastify's 503.
        return503OnClosing: false,
        // Nest middleware is not used: the request hooks are Fastify hooks.
        skipMiddie: true,
    });
}
//# sourceMappingURL=http-adapter.js.map