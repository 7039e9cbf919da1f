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
exports.FirstAdministratorService = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const node_crypto_1 = require("node:crypto");
const typeorm_1 = require("typeorm");
const password_hasher_1 = require("./password-hasher");
const user_entity_1 = require("./user.entity");
const users_service_1 = require("./users.service");
/** Serialises the "is there any user yet?" check across instances starting together. */
const FIRST_ADMINISTRATOR_LOCK_KEY = 7_362_001_915;
/**
 * On the first start (no user at all) creates the administrator from
 * ADMIN_USERNAME / ADMIN_PASSWORD, or with a generated password that is
 * printed once: without it nobody could ever log in.
 */
let FirstAdministratorService = class FirstAdministratorService {
    dataSource;
    users;
    passwords;
    config;
    logger = new common_1.Logger('FirstAdministrator');
    constructor(dataSource, users, passwords, config) {
        this.dataSource = dataSource;
        this.users = users;
        this.passwords = passwords;
        this.config = config;
    }
    async onApplicationBootstrap() {
        const { adminUsername, adminPassword } = this.config.get('auth', {
            infer: true,
        });
        const password = adminPassword ?? (0, node_crypto_1.randomBytes)(12).toString('base64url');
        const passwordHash = await this.passwords.hash(password);
        const created = await this.dataSource.transaction(async (manager) => {
            await manager.query('SELECT pg_advisory_xact_lock($1)', [
                FIRST_ADMINISTRATOR_LOCK_KEY,
            ]);
            if ((await manager.getRepository(user_entity_1.User).count()) > 0)
                return false;
            await this.users.insert({ username: adminUsername, passwordHash, administrator: true }, manager);
            return true;
        });
        if (!created)
            return;
        if (adminPassword) {
            this.logger.log(`Created the administrator "${adminUsername}" with the password from ADMIN_PASSWORD`);
        }
        else {
            this.logger.warn(`Created the administrator "${adminUsername}" with the generated password: ${password} ` +
                `(shown once; change it with: npm run cli -- set-password ${adminUsername})`);
        }
    }
};
exports.FirstAdministratorService = FirstAdministratorService;
exports.FirstAdministratorService = FirstAdministratorService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        users_service_1.UsersService,
        password_hasher_1.PasswordHasher,
        config_1.ConfigService])
], FirstAdministratorService);
//# sourceMappingURL=first-administrator.service.js.map