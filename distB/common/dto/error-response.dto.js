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
exports.ErrorResponseDto = exports.ErrorDetailDto = void 0;
const swagger_1 = require("@nestjs/swagger");
/** One invalid field of a request (ApiValidationPipe). */
class ErrorDetailDto {
    field;
    error;
}
exports.ErrorDetailDto = ErrorDetailDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'username' }),
    __metadata("design:type", String)
], ErrorDetailDto.prototype, "field", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'invalid username' }),
    __metadata("design:type", String)
], ErrorDetailDto.prototype, "error", void 0);
/** The body of every error response (API.md, "Errors"). */
class ErrorResponseDto {
    error;
    code;
    details;
}
exports.ErrorResponseDto = ErrorResponseDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'invites are disabled' }),
    __metadata("design:type", String)
], ErrorResponseDto.prototype, "error", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        type: 'integer',
        example: 400,
        description: 'The HTTP status, repeated.',
    }),
    __metadata("design:type", Number)
], ErrorResponseDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: [ErrorDetailDto],
        description: 'Validation errors only: each failing field',
    }),
    __metadata("design:type", Array)
], ErrorResponseDto.prototype, "details", void 0);
//# sourceMappingURL=error-response.dto.js.map