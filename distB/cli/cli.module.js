"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var CliModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.CliModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const database_module_1 = require("../database/database.module");
const users_module_1 = require("../users/users.module");
/**
 * What the operator CLI needs of the application: the database (migrated on
 * start-up, like the app) and UsersService. Deliberately without
 * FirstAdministratorService: the CLI logs errors only, so the generated
 * password of a first administrator created here would be lost.
 */
let CliModule = CliModule_1 = class CliModule {
    static register(config) {
        return {
            module: CliModule_1,
            imports: [
                config_1.ConfigModule.forRoot({
                    isGlobal: true,
                    ignoreEnvFile: true,
                    load: [() => config],
                }),
                database_module_1.DatabaseModule,
                users_module_1.UsersModule,
            ],
        };
    }
};
exports.CliModule = CliModule;
exports.CliModule = CliModule = CliModule_1 = __decorate([
    (0, common_1.Module)({})
], CliModule);
//# sourceMappingURL=cli.module.js.map