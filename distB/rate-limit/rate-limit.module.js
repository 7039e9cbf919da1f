"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RateLimitModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const throttler_1 = require("@nestjs/throttler");
const rate_limit_guard_1 = require("./rate-limit.guard");
const rate_limit_options_1 = require("./rate-limit.options");
const rate_limit_storage_1 = require("./rate-limit.storage");
/**
 * Rate limits per client IP (RATE_LIMIT_AUTH, REDIS_URL). AppModule registers
 * RateLimitGuard as a global guard; routes opt in with @RateLimited().
 * ThrottlerModule is global, so the guard's options and storage resolve
 * wherever it runs.
 */
let RateLimitModule = class RateLimitModule {
};
exports.RateLimitModule = RateLimitModule;
exports.RateLimitModule = RateLimitModule = __decorate([
    (0, common_1.Module)({
        imports: [
            throttler_1.ThrottlerModule.forRootAsync({
                inject: [config_1.ConfigService],
                useFactory: (config) => {
                    const rateLimit = config.get('rateLimit', { infer: true });
                    return (0, rate_limit_options_1.rateLimitOptions)(rateLimit, (0, rate_limit_storage_1.createRateLimitStorage)(rateLimit));
                },
            }),
        ],
        providers: [rate_limit_guard_1.RateLimitGuard],
        exports: [rate_limit_guard_1.RateLimitGuard],
    })
], RateLimitModule);
//# sourceMappingURL=rate-limit.module.js.map