"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimited = exports.IS_RATE_LIMITED_KEY = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const error_response_dto_1 = require("../common/dto/error-response.dto");
exports.IS_RATE_LIMITED_KEY = 'rateLimited';
/**
 * Counts the route against the caller's per-IP budget of RATE_LIMIT_AUTH
 * requests per minute, one budget shared by every route that carries it. The
 * global RateLimitGuard reads the metadata; routes without it are never
 * limited.
 */
const RateLimited = () => (0, common_1.applyDecorators)((0, common_1.SetMetadata)(exports.IS_RATE_LIMITED_KEY, true), (0, swagger_1.ApiTooManyRequestsResponse)({
    type: error_response_dto_1.ErrorResponseDto,
    description: 'too many requests',
    headers: {
        'Retry-After': {
            description: 'seconds until the client may try again',
            schema: { type: 'integer' },
        },
    },
}));
exports.RateLimited = RateLimited;
//# sourceMappingURL=rate-limited.decorator.js.map