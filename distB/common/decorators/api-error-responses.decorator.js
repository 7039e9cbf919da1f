"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiErrorResponses = exports.JSON_BODY_ERRORS = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const error_response_dto_1 = require("../dto/error-response.dto");
/** The contract's `error` strings for the statuses any route may share. */
const CONTRACT_ERRORS = {
    400: ['invalid json body'],
    401: ['not logged in'],
    403: ['not an administrator'],
    404: ['not found'],
    405: ['method not allowed'],
    413: ['payload too large'],
    415: ['unsupported content encoding', 'unsupported charset'],
    429: ['too many requests'],
    500: ['internal server error'],
    503: ['database unavailable'],
};
/** What body-parser and the validation pipe answer on any route with a JSON body. */
exports.JSON_BODY_ERRORS = [
    'invalid json body',
    'request body must be a json object',
];
const HEADERS = {
    405: {
        Allow: {
            description: 'the methods the path answers',
            schema: { type: 'string' },
        },
    },
    429: {
        'Retry-After': {
            description: 'seconds until the client may try again',
            schema: { type: 'integer' },
        },
    },
};
/**
 * Documents a route's (or a controller's) error responses, each with the
 * `{ error, code }` body and one example per `error` string:
 * `@ApiErrorResponses([400, 'invalid date'], 401, 500, 503)`.
 *
 * Each status documented here replaces what a decorator applied before it
 * (written below it) said about that status, rather than being merged into
 * it as @nestjs/swagger does by default: written above @RateLimited(), the
 * 429 entry is this one, whatever that decorator declares.
 */
const ApiErrorResponses = (...responses) => (0, common_1.applyDecorators)(...responses.flatMap((response) => {
    const [status, ...errors] = typeof response === 'number'
        ? [response, ...CONTRACT_ERRORS[response]]
        : response;
    return [
        ForgetResponse(status),
        (0, swagger_1.ApiResponse)({
            status,
            type: error_response_dto_1.ErrorResponseDto,
            description: errors.map((error) => `\`${error}\``).join(' | '),
            headers: HEADERS[status],
            examples: Object.fromEntries(errors.map((error) => [
                error,
                { summary: error, value: { error, code: status } },
            ])),
        }),
    ];
}));
exports.ApiErrorResponses = ApiErrorResponses;
/** Removes what is documented so far for one status of a route or controller. */
function ForgetResponse(status) {
    return (target, _key, descriptor) => {
        const holder = descriptor
            ? descriptor.value
            : target;
        const responses = Reflect.getMetadata(swagger_1.DECORATORS.API_RESPONSE, holder);
        if (!responses || !(status in responses))
            return;
        const rest = { ...responses };
        delete rest[status];
        Reflect.defineMetadata(swagger_1.DECORATORS.API_RESPONSE, rest, holder);
    };
}
//# sourceMappingURL=api-error-responses.decorator.js.map