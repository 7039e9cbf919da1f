"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureApp = configureApp;
const swagger_1 = require("@nestjs/swagger");
const access_log_hook_1 = require("./common/hooks/access-log.hook");
const connection_draining_hook_1 = require("./common/hooks/connection-draining.hook");
const request_id_hook_1 = require("./common/hooks/request-id.hook");
const json_body_parser_1 = require("./common/http/json-body-parser");
const security_headers_1 = require("./common/http/security-headers");
const route_table_1 = require("./common/routing/route-table");
const openapi_1 = require("./openapi");
/**
 * Everything about the HTTP surface that is not a module: request hooks
 * (ids, access log, draining), security headers, CORS, the /api prefix,
 * body parsing with its limit, the OpenAPI document. Shared by main.ts and
 * the e2e tests so both serve exactly the same thing. The app must have been
 * created on createHttpAdapter(config).
 */
function configureApp(app, config) {
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', connection_draining_hook_1.closeConnectionsWhenDraining);
    fastify.addHook('onRequest', request_id_hook_1.echoRequestId);
    fastify.addHook('onRequest', security_headers_1.addSecurityHeaders);
    fastify.addHook('onResponse', access_log_hook_1.logAccess);
    if (config.app.corsOrigins.length > 0) {
        app.enableCors({
            origin: config.app.corsOrigins.includes('*')
                ? true
                : config.app.corsOrigins,
            exposedHeaders: ['Link', 'X-Request-Id', 'Retry-After'],
        });
    }
    app.setGlobalPrefix(route_table_1.API_PREFIX);
    (0, json_body_parser_1.useJsonBodyParser)(fastify, { limit: config.app.bodyLimit });
    const document = (0, openapi_1.buildOpenApiDocument)(app);
    swagger_1.SwaggerModule.setup(`${route_table_1.API_PREFIX}/docs`, app, document, {
        jsonDocumentUrl: `${route_table_1.API_PREFIX}/docs-json`,
    });
}
//# sourceMappingURL=app.setup.js.map