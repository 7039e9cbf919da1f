"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AppModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AppModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const core_1 = require("@nestjs/core");
const auth_module_1 = require("./auth/auth.module");
const jwt_auth_guard_1 = require("./auth/jwt-auth.guard");
const all_exceptions_filter_1 = require("./common/filters/all-exceptions.filter");
const admin_guard_1 = require("./common/guards/admin.guard");
const api_validation_pipe_1 = require("./common/pipes/api-validation.pipe");
const route_table_1 = require("./common/routing/route-table");
const database_module_1 = require("./database/database.module");
const health_module_1 = require("./health/health.module");
const invites_module_1 = require("./invites/invites.module");
const rate_limit_guard_1 = require("./rate-limit/rate-limit.guard");
const rate_limit_module_1 = require("./rate-limit/rate-limit.module");
const first_administrator_service_1 = require("./users/first-administrator.service");
const users_module_1 = require("./users/users.module");
/**
 * The application, built from an already validated configuration: main.ts
 * loads it from the environment (exiting with one clear line when it is
 * wrong), tests build it from their own overrides.
 */
let AppModule = AppModule_1 = class AppModule {
    static register(config) {
        return {
            module: AppModule_1,
            imports: [
                config_1.ConfigModule.forRoot({
                    isGlobal: true,
                    ignoreEnvFile: true,
                    load: [() => config],
                }),
                core_1.DiscoveryModule,
                database_module_1.DatabaseModule,
                users_module_1.UsersModule,
                auth_module_1.AuthModule,
                invites_module_1.InvitesModule,
                health_module_1.HealthModule,
                rate_limit_module_1.RateLimitModule,
            ],
            providers: [
                route_table_1.RouteTable,
                first_administrator_service_1.FirstAdministratorService,
                // Guards run in this order: how often (429, @RateLimited() routes
                // only), who are you (401), then may you (403).
                { provide: core_1.APP_GUARD, useExisting: rate_limit_guard_1.RateLimitGuard },
                { provide: core_1.APP_GUARD, useExisting: jwt_auth_guard_1.JwtAuthGuard },
                { provide: core_1.APP_GUARD, useClass: admin_guard_1.AdminGuard },
                { provide: core_1.APP_FILTER, useClass: all_exceptions_filter_1.AllExceptionsFilter },
                { provide: core_1.APP_PIPE, useClass: api_validation_pipe_1.ApiValidationPipe },
            ],
        };
    }
};
exports.AppModule = AppModule;
exports.AppModule = AppModule = AppModule_1 = __decorate([
    (0, common_1.Module)({})
], AppModule);
//# sourceMappingURL=app.module.js.map