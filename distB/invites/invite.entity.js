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
exports.Invite = exports.INVITE_CODE_UNIQUE = void 0;
const typeorm_1 = require("typeorm");
const user_entity_1 = require("../users/user.entity");
exports.INVITE_CODE_UNIQUE = 'invites_code_key';
let Invite = class Invite {
    id;
    code;
    createdAt;
    /** Null: never expires. */
    expiresAt;
    /** Registrations that redeemed this invite. */
    uses;
    /** Null: unlimited uses. */
    maxUses;
    createdById;
    createdBy;
};
exports.Invite = Invite;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)({ primaryKeyConstraintName: 'invites_pkey' }),
    __metadata("design:type", Number)
], Invite.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Index)(exports.INVITE_CODE_UNIQUE, { unique: true }),
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], Invite.prototype, "code", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], Invite.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'expires_at', type: 'timestamptz', nullable: true }),
    __metadata("design:type", Object)
], Invite.prototype, "expiresAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], Invite.prototype, "uses", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'max_uses', type: 'int', nullable: true, default: 1 }),
    __metadata("design:type", Object)
], Invite.prototype, "maxUses", void 0);
__decorate([
    (0, typeorm_1.Index)('invites_created_by_id_idx'),
    (0, typeorm_1.Column)({ name: 'created_by_id', type: 'int' }),
    __metadata("design:type", Number)
], Invite.prototype, "createdById", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => user_entity_1.User, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({
        name: 'created_by_id',
        foreignKeyConstraintName: 'invites_created_by_id_fkey',
    }),
    __metadata("design:type", user_entity_1.User)
], Invite.prototype, "createdBy", void 0);
exports.Invite = Invite = __decorate([
    (0, typeorm_1.Entity)({ name: 'invites' })
    // The database itself refuses a use beyond maxUses: exactly-once redemption
    // does not rest on application code alone.
    ,
    (0, typeorm_1.Check)('invites_uses_within_max', '"max_uses" IS NULL OR "uses" <= "max_uses"'),
    (0, typeorm_1.Check)('invites_uses_not_negative', '"uses" >= 0'),
    (0, typeorm_1.Check)('invites_max_uses_positive', '"max_uses" IS NULL OR "max_uses" >= 1')
    // Serves the list order (newest first, ties broken by id) and its cursor.
    ,
    (0, typeorm_1.Index)('invites_created_at_id_idx', ['createdAt', 'id'])
], Invite);
//# sourceMappingURL=invite.entity.js.map