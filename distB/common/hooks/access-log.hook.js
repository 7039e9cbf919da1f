"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.logAccess = logAccess;
const common_1 = require("@nestjs/common");
const request_path_1 = require("../http/request-path");
const logger = new common_1.Logger('HTTP');
/**
 * onResponse: one line per request once its response is sent: request id,
 * method, path, status, duration. The path is logged without its query
 * string, because queries carry secrets (`DELETE /api/auth/invite?code=…`);
 * bodies and headers (passwords, tokens) are never logged.
 */
function logAccess(request, reply, done) {
    logger.log(`${request.id} ${request.method} ${(0, request_path_1.pathOf)(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    done();
}
//# sourceMappingURL=access-log.hook.js.map