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
exports.SessionResponse = void 0;
const swagger_1 = require("@nestjs/swagger");
const user_response_1 = require("../../users/user-response");
/** What login and registration answer. */
class SessionResponse {
    token;
    expiresAt;
    user;
}
exports.SessionResponse = SessionResponse;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' }),
    __metadata("design:type", String)
], SessionResponse.prototype, "token", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ format: 'date-time', example: '2022-11-12T03:34:25.532Z' }),
    __metadata("design:type", String)
], SessionResponse.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: user_response_1.UserResponse }),
    __metadata("design:type", user_response_1.UserResponse)
], SessionResponse.prototype, "user", void 0);
//# sourceMappingURL=session-response.dto.js.map