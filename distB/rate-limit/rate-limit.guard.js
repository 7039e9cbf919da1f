"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimitGuard = void 0;
const common_1 = require("@nestjs/common");
const throttler_1 = require("@nestjs/throttler");
const rate_limited_decorator_1 = require("./rate-limited.decorator");
/**
 * Global, but opt-in: only routes marked @RateLimited() are counted. The
 * budget itself (limit, window, storage, "0 disables") comes from the
 * throttler options that RateLimitModule builds from the configuration.
 */
let RateLimitGuard = class RateLimitGuard extends throttler_1.ThrottlerGuard {
    shouldSkip(context) {
        const rateLimited = this.reflector.getAllAndOverride(rate_limited_decorator_1.IS_RATE_LIMITED_KEY, [context.getHandler(), context.getClass()]);
        return Promise.resolve(!rateLimited);
    }
};
exports.RateLimitGuard = RateLimitGuard;
exports.RateLimitGuard = RateLimitGuard = __decorate([
    (0, common_1.Injectable)()
], RateLimitGuard);
//# sourceMappingURL=rate-limit.guard.js.map