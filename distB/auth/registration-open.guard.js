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
exports.RegistrationOpenGuard = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const auth_errors_1 = require("./auth.errors");
/**
 * Registration is open while invites are enabled (with a code) or while
 * USER_REGISTRATION_ENABLED is set. A guard, so a closed service says so
 * before judging the body.
 */
let RegistrationOpenGuard = class RegistrationOpenGuard {
    config;
    constructor(config) {
        this.config = config;
    }
    canActivate() {
        const invitesEnabled = this.config.get('invites', { infer: true }).enabled;
        const openRegistration = this.config.get('auth', {
            infer: true,
        }).registrationEnabled;
        if (!invitesEnabled && !openRegistration)
            throw new auth_errors_1.RegistrationDisabledError();
        return true;
    }
};
exports.RegistrationOpenGuard = RegistrationOpenGuard;
exports.RegistrationOpenGuard = RegistrationOpenGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [config_1.ConfigService])
], RegistrationOpenGuard);
//# sourceMappingURL=registration-open.guard.js.map