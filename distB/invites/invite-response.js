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
exports.INVITE_EXAMPLE = exports.InviteResponse = void 0;
exports.toInviteResponse = toInviteResponse;
const swagger_1 = require("@nestjs/swagger");
/**
 * The seed's `Invite` model, key for key and in its order, then this
 * service's extension (`uses`, `maxUses`).
 */
class InviteResponse {
    id;
    code;
    createdAt;
    expiresAt;
    used;
    createdById;
    uses;
    maxUses;
}
exports.InviteResponse = InviteResponse;
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'integer', example: 35 }),
    __metadata("design:type", Number)
], InviteResponse.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ix8iFD' }),
    __metadata("design:type", String)
], InviteResponse.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', example: '2022-11-11T03:34:25.532Z' }),
    __metadata("design:type", String)
], InviteResponse.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: String,
        format: 'date-time',
        nullable: true,
        example: null,
    }),
    __metadata("design:type", Object)
], InviteResponse.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: false,
        description: 'maxUses !== null && uses >= maxUses',
    }),
    __metadata("design:type", Boolean)
], InviteResponse.prototype, "used", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'integer', example: 1 }),
    __metadata("design:type", Number)
], InviteResponse.prototype, "createdById", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'integer',
        example: 0,
        description: 'Registrations that redeemed this invite',
    }),
    __metadata("design:type", Number)
], InviteResponse.prototype, "uses", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'integer',
        nullable: true,
        example: 1,
        description: 'Redemptions allowed; null for unlimited',
    }),
    __metadata("design:type", Object)
], InviteResponse.prototype, "maxUses", void 0);
/** The seed's invite 35 (Zipline's docs), as this service answers it. */
exports.INVITE_EXAMPLE = {
    id: 35,
    code: 'ix8iFD',
    createdAt: '2022-11-11T03:34:25.532Z',
    expiresAt: null,
    used: false,
    createdById: 1,
    uses: 0,
    maxUses: 1,
};
function toInviteResponse(row) {
    return {
        id: row.id,
        code: row.code,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
        used: row.max_uses !== null && row.uses >= row.max_uses,
        createdById: row.created_by_id,
        uses: row.uses,
        maxUses: row.max_uses,
    };
}
//# sourceMappingURL=invite-response.js.map