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
exports.UserResponse = void 0;
exports.toUserResponse = toUserResponse;
const swagger_1 = require("@nestjs/swagger");
/** The public shape of a user (API.md `User`): never the password hash. */
class UserResponse {
    id;
    username;
    administrator;
    createdAt;
    inviteId;
}
exports.UserResponse = UserResponse;
__decorate([
    (0, swagger_1.ApiProperty)({ type: 'integer', example: 1 }),
    __metadata("design:type", Number)
], UserResponse.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'administrator' }),
    __metadata("design:type", String)
], UserResponse.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: true }),
    __metadata("design:type", Boolean)
], UserResponse.prototype, "administrator", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', example: '2022-11-11T03:34:25.532Z' }),
    __metadata("design:type", String)
], UserResponse.prototype, "createdAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'integer',
        nullable: true,
        example: null,
        description: 'The invite this user registered with.',
    }),
    __metadata("design:type", Object)
], UserResponse.prototype, "inviteId", void 0);
function toUserResponse(user) {
    return {
        id: user.id,
        username: user.username,
        administrator: user.administrator,
        createdAt: user.createdAt.toISOString(),
        inviteId: user.inviteId,
    };
}
//# sourceMappingURL=user-response.js.map