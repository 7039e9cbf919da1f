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
exports.RegistrationService = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const typeorm_1 = require("typeorm");
const invites_errors_1 = require("../invites/invites.errors");
const invites_service_1 = require("../invites/invites.service");
const password_hasher_1 = require("../users/password-hasher");
const users_service_1 = require("../users/users.service");
const auth_service_1 = require("./auth.service");
let RegistrationService = class RegistrationService {
    dataSource;
    invites;
    users;
    passwords;
    auth;
    config;
    constructor(dataSource, invites, users, passwords, auth, config) {
        this.dataSource = dataSource;
        this.invites = invites;
        this.users = users;
        this.passwords = passwords;
        this.auth = auth;
        this.config = config;
    }
    /**
     * Creates a (never administrator) user. While invites are enabled a code
     * is required, and consuming one of its uses and inserting the user are
     * one transaction: if the insert fails (the username is taken), the use
     * is given back by the rollback. The password is hashed before the
     * transaction opens, so the invite's row is locked only for two statements.
     */
    async register(body) {
        const requiresInvite = this.config.get('invites', { infer: true }).enabled;
        if (requiresInvite && !body.code)
            throw new invites_errors_1.InvalidInviteCodeError();
        const passwordHash = await this.passwords.hash(body.password);
        const user = await this.dataSource.transaction(async (manager) => {
            const inviteId = requiresInvite
                ? await this.invites.redeem(body.code, manager)
                : null;
            return this.users.insert({ username: body.username, passwordHash, inviteId }, manager);
        });
        return this.auth.startSession(user);
    }
};
exports.RegistrationService = RegistrationService;
exports.RegistrationService = RegistrationService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        invites_service_1.InvitesService,
        users_service_1.UsersService,
        password_hasher_1.PasswordHasher,
        auth_service_1.AuthService,
        config_1.ConfigService])
], RegistrationService);
//# sourceMappingURL=registration.service.js.map