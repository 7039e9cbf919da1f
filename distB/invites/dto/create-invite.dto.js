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
exports.CreateInviteDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
/**
 * The POST body. Values are read by parseCreateInvitesInput (in the
 * contract's order, with its messages); the decorators here admit the three
 * keys, so any other key is refused as `unknown field: <name>`, and describe
 * them for the OpenAPI document.
 */
class CreateInviteDto {
    expiresAt;
    count;
    maxUses;
}
exports.CreateInviteDto = CreateInviteDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: String,
        nullable: true,
        example: '7d',
        description: 'When the invite expires: null, absent or "never"; an ISO-8601 date; "date=<date>" (Zipline dashboard); or a duration from now such as 30min, 1h, 1.5h, 2 hours, 1d, 7d, 1w, 1y.',
    }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], CreateInviteDto.prototype, "expiresAt", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        example: 1,
        description: 'How many invites to create, 1..INVITES_MAX_COUNT (default 100); a number or a string of digits. More than 1 answers an array.',
    }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], CreateInviteDto.prototype, "count", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: Number,
        nullable: true,
        example: 1,
        description: 'Registrations each invite allows (default 1); null for unlimited.',
    }),
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], CreateInviteDto.prototype, "maxUses", void 0);
//# sourceMappingURL=create-invite.dto.js.map