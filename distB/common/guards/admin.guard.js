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
exports.AdminGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const admin_decorator_1 = require("../decorators/admin.decorator");
const domain_error_1 = require("../errors/domain-error");
/**
 * Runs after the JwtAuthGuard, so `request.user` is the user's current row:
 * an administrator demoted a second ago is refused on this request.
 */
let AdminGuard = class AdminGuard {
    reflector;
    constructor(reflector) {
        this.reflector = reflector;
    }
    canActivate(context) {
        const requiresAdministrator = this.reflector.getAllAndOverride(admin_decorator_1.IS_ADMIN_KEY, [context.getHandler(), context.getClass()]);
        if (!requiresAdministrator)
            return true;
        const request = context
            .switchToHttp()
            .getRequest();
        if (request.user?.administrator !== true)
            throw new domain_error_1.NotAdministratorError();
        return true;
    }
};
exports.AdminGuard = AdminGuard;
exports.AdminGuard = AdminGuard = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [core_1.Reflector])
], AdminGuard);
//# sourceMappingURL=admin.guard.js.map