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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvitesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const admin_decorator_1 = require("../common/decorators/admin.decorator");
const api_error_responses_decorator_1 = require("../common/decorators/api-error-responses.decorator");
const current_user_decorator_1 = require("../common/decorators/current-user.decorator");
const config_1 = require("@nestjs/config");
const create_invites_input_1 = require("./create-invites-input");
const create_invite_dto_1 = require("./dto/create-invite.dto");
const delete_invite_query_dto_1 = require("./dto/delete-invite-query.dto");
const list_invites_query_api_1 = require("./dto/list-invites-query.api");
const invite_response_1 = require("./invite-response");
const invites_enabled_guard_1 = require("./invites-enabled.guard");
const invites_service_1 = require("./invites.service");
const list_invites_query_1 = require("./list-invites-query");
let InvitesController = class InvitesController {
    invites;
    config;
    constructor(invites, config) {
        this.invites = invites;
        this.config = config;
    }
    async list(request, reply) {
        // The raw query, not the DTO: the parser needs to see repeated keys.
        const query = (0, list_invites_query_1.parseListInvitesQuery)(request.query);
        const page = await this.invites.list(query);
        if (page.nextCursor) {
            const next = new URLSearchParams();
            next.set('limit', String(query.limit));
            next.set('cursor', page.nextCursor);
            if (query.used !== undefined)
                next.set('used', String(query.used));
            if (query.expired !== undefined)
                next.set('expired', String(query.expired));
            reply.header('Link', `</api/auth/invite?${next.toString()}>; rel="next"`);
        }
        return page.invites;
    }
    async create(body, user) {
        const input = (0, create_invites_input_1.parseCreateInvitesInput)(body, { maxCount: this.config.get('invites', { infer: true }).maxCount }, new Date());
        const created = await this.invites.create(input, user.id);
        return input.count === 1 ? created[0] : created;
    }
    delete(query) {
        return this.invites.delete(query.code);
    }
};
exports.InvitesController = InvitesController;
__decorate([
    (0, common_1.Get)(),
    (0, swagger_1.ApiOperation)({ summary: 'List invites, newest first' }),
    (0, swagger_1.ApiOkResponse)({
        type: invite_response_1.InviteResponse,
        isArray: true,
        description: 'The invites (one page of them with `limit`)',
        example: [invite_response_1.INVITE_EXAMPLE],
        headers: {
            Link: {
                description: 'With `limit`, when more invites remain: `</api/auth/invite?limit=…&cursor=…>; rel="next"`',
                schema: { type: 'string' },
            },
        },
    }),
    (0, api_error_responses_decorator_1.ApiErrorResponses)([400, 'invites are disabled', 'invalid query']),
    (0, list_invites_query_api_1.ApiListInvitesQuery)(),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(200),
    (0, swagger_1.ApiOperation)({
        summary: 'Create one invite, or `count` invites at once (all or nothing)',
    }),
    (0, swagger_1.ApiBody)({ type: create_invite_dto_1.CreateInviteDto, required: false }),
    (0, swagger_1.ApiOkResponse)({
        description: 'One invite when count is 1 or absent; an array of `count` invites otherwise',
        schema: {
            oneOf: [
                { $ref: (0, swagger_1.getSchemaPath)(invite_response_1.InviteResponse) },
                { type: 'array', items: { $ref: (0, swagger_1.getSchemaPath)(invite_response_1.InviteResponse) } },
            ],
        },
        examples: {
            one: { summary: 'count 1 or absent', value: invite_response_1.INVITE_EXAMPLE },
            batch: {
                summary: 'count 2',
                value: [invite_response_1.INVITE_EXAMPLE, { ...invite_response_1.INVITE_EXAMPLE, id: 36, code: 'Qm3xT7' }],
            },
        },
    }),
    (0, api_error_responses_decorator_1.ApiErrorResponses)([
        400,
        'invites are disabled',
        'invalid date',
        'invalid count',
        'invalid maxUses',
        'unknown field: administrator',
        ...api_error_responses_decorator_1.JSON_BODY_ERRORS,
    ], 413, 415),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, current_user_decorator_1.CurrentUser)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [create_invite_dto_1.CreateInviteDto, Function]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "create", null);
__decorate([
    (0, common_1.Delete)(),
    (0, swagger_1.ApiOperation)({ summary: 'Delete an invite by its code' }),
    (0, swagger_1.ApiOkResponse)({
        type: invite_response_1.InviteResponse,
        description: 'The deleted invite',
        example: invite_response_1.INVITE_EXAMPLE,
    }),
    (0, api_error_responses_decorator_1.ApiErrorResponses)([400, 'invites are disabled', 'no code', 'invalid query'], [404, 'invite not found']),
    __param(0, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [delete_invite_query_dto_1.DeleteInviteQueryDto]),
    __metadata("design:returntype", Promise)
], InvitesController.prototype, "delete", null);
exports.InvitesController = InvitesController = __decorate([
    (0, swagger_1.ApiTags)('invites'),
    (0, swagger_1.ApiExtraModels)(invite_response_1.InviteResponse),
    (0, api_error_responses_decorator_1.ApiErrorResponses)(401, 500, 503),
    (0, admin_decorator_1.Admin)(),
    (0, common_1.UseGuards)(invites_enabled_guard_1.InvitesEnabledGuard),
    (0, common_1.Controller)('auth/invite'),
    __metadata("design:paramtypes", [invites_service_1.InvitesService,
        config_1.ConfigService])
], InvitesController);
//# sourceMappingURL=invites.controller.js.map