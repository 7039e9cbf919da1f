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
exports.RegisterDto = exports.PASSWORD_MAX_LENGTH = exports.PASSWORD_MIN_LENGTH = exports.USERNAME_PATTERN = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
exports.USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
exports.PASSWORD_MIN_LENGTH = 8;
exports.PASSWORD_MAX_LENGTH = 256;
class RegisterDto {
    username;
    password;
    code;
}
exports.RegisterDto = RegisterDto;
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'alice',
        description: '1..64 characters of A-Z a-z 0-9 . _ -; unique ignoring case',
    }),
    (0, class_validator_1.IsString)({ message: 'invalid username' }),
    (0, class_validator_1.Matches)(exports.USERNAME_PATTERN, { message: 'invalid username' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "username", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        example: 'correct horse battery staple',
        minLength: exports.PASSWORD_MIN_LENGTH,
        maxLength: exports.PASSWORD_MAX_LENGTH,
    }),
    (0, class_validator_1.IsString)({ message: 'invalid password' }),
    (0, class_validator_1.Length)(exports.PASSWORD_MIN_LENGTH, exports.PASSWORD_MAX_LENGTH, {
        message: 'invalid password',
    }),
    __metadata("design:type", String)
], RegisterDto.prototype, "password", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'ix8iFD',
        description: 'The invite code; required while invites are enabled',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)({ message: 'invalid invite code' }),
    __metadata("design:type", String)
], RegisterDto.prototype, "code", void 0);
//# sourceMappingURL=register.dto.js.map