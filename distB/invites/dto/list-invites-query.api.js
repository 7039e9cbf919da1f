"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiListInvitesQuery = ApiListInvitesQuery;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
/**
 * GET's optional query, for the OpenAPI document. Without any of these the
 * answer is the seed's: every invite. The handler does not bind the query
 * through the validation pipe: parseListInvitesQuery reads the raw query (it
 * must see repeated keys) and is its only check, so the pipe would be work
 * for nothing on the busiest route.
 */
function ApiListInvitesQuery() {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiQuery)({
        name: 'used',
        required: false,
        enum: ['true', 'false'],
        description: 'Only used-up (or only usable) invites',
    }), (0, swagger_1.ApiQuery)({
        name: 'expired',
        required: false,
        enum: ['true', 'false'],
        description: 'Only expired (or only unexpired) invites',
    }), (0, swagger_1.ApiQuery)({
        name: 'limit',
        required: false,
        type: 'integer',
        minimum: 1,
        maximum: 1000,
        description: 'Page size; when more rows remain, a `Link: <…>; rel="next"` header points to the next page',
    }), (0, swagger_1.ApiQuery)({
        name: 'cursor',
        required: false,
        type: String,
        description: 'Opaque cursor from a previous page’s Link header',
    }));
}
//# sourceMappingURL=list-invites-query.api.js.map