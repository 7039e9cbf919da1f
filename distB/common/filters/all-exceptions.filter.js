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
exports.AllExceptionsFilter = void 0;
const common_1 = require("@nestjs/common");
const node_http_1 = require("node:http");
const database_errors_1 = require("../../database/database-errors");
const domain_error_1 = require("../errors/domain-error");
const request_path_1 = require("../http/request-path");
const route_table_1 = require("../routing/route-table");
const STATUS_BY_KIND = {
    invalid: common_1.HttpStatus.BAD_REQUEST,
    unauthenticated: common_1.HttpStatus.UNAUTHORIZED,
    forbidden: common_1.HttpStatus.FORBIDDEN,
    'not-found': common_1.HttpStatus.NOT_FOUND,
    'method-not-allowed': common_1.HttpStatus.METHOD_NOT_ALLOWED,
    conflict: common_1.HttpStatus.CONFLICT,
    'payload-too-large': common_1.HttpStatus.PAYLOAD_TOO_LARGE,
    'unsupported-media-type': common_1.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    unavailable: common_1.HttpStatus.SERVICE_UNAVAILABLE,
};
/** The contract's wording for statuses raised by the framework rather than by us. */
const MESSAGE_BY_STATUS = {
    400: 'bad request',
    401: 'not logged in',
    403: 'not an administrator',
    404: 'not found',
    405: 'method not allowed',
    413: 'payload too large',
    415: 'unsupported media type',
    429: 'too many requests',
    500: 'internal server error',
    503: 'database unavailable',
};
/**
 * Every failure leaves the service as `{ error, code }` (API.md, "Errors"):
 * never an HTML page, a stack trace or Nest's `{ statusCode, message }`.
 * Unexpected errors are logged with the request id and answered with a
 * generic 500, so nothing internal leaks.
 */
let AllExceptionsFilter = class AllExceptionsFilter {
    routes;
    logger = new common_1.Logger('Exceptions');
    constructor(routes) {
        this.routes = routes;
    }
    catch(exception, host) {
        const context = host.switchToHttp();
        const request = context.getRequest();
        const reply = context.getResponse();
        const body = this.toBody(exception, request, reply);
        if (body.code >= 500 && body.code !== 503) {
            this.logger.error(`request ${request.id} ${request.method} ${(0, request_path_1.pathOf)(request.url)} failed`, exception instanceof Error ? exception.stack : String(exception));
        }
        else if (body.code === 503) {
            this.logger.warn(`request ${request.id}: database unavailable (${describe(exception)})`);
        }
        if (reply.sent || reply.raw.headersSent) {
            reply.raw.end();
            return;
        }
        void reply.status(body.code).send(body);
    }
    toBody(exception, request, reply) {
        if (exception instanceof domain_error_1.DomainError) {
            if ('allowedMethods' in exception &&
                Array.isArray(exception.allowedMethods)) {
                reply.header('Allow', exception.allowedMethods.join(', '));
            }
            return {
                error: exception.message,
                code: STATUS_BY_KIND[exception.kind],
                ...exception.details,
            };
        }
        if (exception instanceof common_1.NotFoundException && isRouterMiss(exception)) {
            const allowed = this.routes.allowedMethods((0, request_path_1.pathOf)(request.url));
            if (allowed) {
                reply.header('Allow', allowed.join(', '));
                return { error: 'method not allowed', code: 405 };
            }
            return { error: 'not found', code: 404 };
        }
        if (exception instanceof common_1.HttpException) {
            const status = exception.getStatus();
            return { error: messageFor(status), code: status };
        }
        const clientError = fastifyClientErrorStatus(exception);
        if (clientError !== undefined) {
            return { error: messageFor(clientError), code: clientError };
        }
        if ((0, database_errors_1.isDatabaseUnavailable)(exception)) {
            return { error: 'database unavailable', code: 503 };
        }
        return { error: 'internal server error', code: 500 };
    }
};
exports.AllExceptionsFilter = AllExceptionsFilter;
exports.AllExceptionsFilter = AllExceptionsFilter = __decorate([
    (0, common_1.Catch)(),
    __metadata("design:paramtypes", [route_table_1.RouteTable])
], AllExceptionsFilter);
/**
 * Fastify's own errors (FST_…) carry their status: a 4xx one is the
 * client's fault, answered in the contract's words rather than as a 500.
 */
function fastifyClientErrorStatus(exception) {
    if (!(exception instanceof Error) || !('statusCode' in exception)) {
        return undefined;
    }
    const code = 'code' in exception ? String(exception.code) : '';
    const status = Number(exception.statusCode);
    return code.startsWith('FST_') && status >= 400 && status < 500
        ? status
        : undefined;
}
function messageFor(status) {
    return (MESSAGE_BY_STATUS[status] ?? (node_http_1.STATUS_CODES[status] ?? 'error').toLowerCase());
}
/** Nest's router throws `Cannot GET /path` when no handler matched. */
function isRouterMiss(exception) {
    return exception.message.startsWith('Cannot ');
}
function describe(exception) {
    return exception instanceof Error ? exception.message : String(exception);
}
//# sourceMappingURL=all-exceptions.filter.js.map