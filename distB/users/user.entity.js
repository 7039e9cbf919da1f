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
exports.User = exports.USERNAME_UNIQUE_INDEX = void 0;
const typeorm_1 = require("typeorm");
const invite_entity_1 = require("../invites/invite.entity");
/** Unique index on lower(username): "Alice" and "alice" are one account. */
exports.USERNAME_UNIQUE_INDEX = 'users_username_lower_key';
let User = class User {
    id;
    username;
    /** Never selected unless asked for by name, so it cannot reach a response by accident. */
    passwordHash;
    administrator;
    createdAt;
    /** The invite redeemed at registration; null once that invite is deleted. */
    inviteId;
    invite;
};
exports.User = User;
__decorate([
    (0, typeorm_1.PrimaryGeneratedColumn)({ primaryKeyConstraintName: 'users_pkey' }),
    __metadata("design:type", Number)
], User.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], User.prototype, "username", void 0);
__decorate([
    (0, typeorm_1.Column)({
        name: 'password_hash',
        type: 'varchar',
        length: 255,
        select: false,
    }),
    __metadata("design:type", String)
], User.prototype, "passwordHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'boolean', default: false }),
    __metadata("design:type", Boolean)
], User.prototype, "administrator", void 0);
__decorate([
    (0, typeorm_1.CreateDateColumn)({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], User.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Index)('users_invite_id_idx'),
    (0, typeorm_1.Column)({ name: 'invite_id', type: 'int', nullable: true }),
    __metadata("design:type", Object)
], User.prototype, "inviteId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => invite_entity_1.Invite, { onDelete: 'SET NULL', nullable: true }),
    (0, typeorm_1.JoinColumn)({
        name: 'invite_id',
        foreignKeyConstraintName: 'users_invite_id_fkey',
    }),
    __metadata("design:type", Object)
], User.prototype, "invite", void 0);
exports.User = User = __decorate([
    (0, typeorm_1.Entity)({ name: 'users' })
    // Declared for documentation; the expression index itself lives in the
    // migration because TypeORM cannot describe it (synchronize: false keeps
    // migration:generate from fighting over it).
    ,
    (0, typeorm_1.Index)(exports.USERNAME_UNIQUE_INDEX, { synchronize: false })
], User);
//# sourceMappingURL=user.entity.js.map