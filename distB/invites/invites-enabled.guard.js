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
exports.InvitesEnabledGuard = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const invites_errors_1 = require("./invites.errors");
/**
 * The INVITES_ENABLED feature flag, checked in this one place. As a
 * controller guard it runs after the global authentication (401) and
 * administrator (403) guards and before any input validation, which is the
 * order API.md prescribes.
 */
let InvitesEnabledGuard = class InvitesEnabledGuard {
    config;
    constructor(config) {
        this.config = config;
    }
    canActivate() {
        if (!this.config.get('invites', { infer: true }).enabled) {
            throw new invites_errors_1.InvitesDisabledError();
        }
        return true;
    }
};
exports.InvitesEnabledGuard = InvitesEnabledGuard;
exports.InvitesEnabledGuard = InvitesEnabledGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [config_1.ConfigService])
], InvitesEnabledGuard);
//# sourceMappingURL=invites-enabled.guard.js.map