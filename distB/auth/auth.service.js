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
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const user_response_1 = require("../users/user-response");
const password_hasher_1 = require("../users/password-hasher");
const users_service_1 = require("../users/users.service");
const auth_errors_1 = require("./auth.errors");
let AuthService = class AuthService {
    users;
    passwords;
    jwt;
    constructor(users, passwords, jwt) {
        this.users = users;
        this.passwords = passwords;
        this.jwt = jwt;
    }
    /**
     * One message and (through the decoy hash) one cost for an unknown user
     * and a wrong password, so neither reveals which usernames exist.
     */
    async login(username, password) {
        const user = await this.users.findForLogin(username);
        const valid = user
            ? await this.passwords.verify(user.passwordHash, password)
            : await this.passwords.verifyDecoy(password);
        if (!user || !valid)
            throw new auth_errors_1.InvalidCredentialsError();
        return this.startSession(user);
    }
    async startSession(user) {
        const token = await this.jwt.signAsync({ sub: user.id });
        const { exp } = this.jwt.decode(token);
        return {
            token,
            expiresAt: new Date(exp * 1000).toISOString(),
            user: (0, user_response_1.toUserResponse)(user),
        };
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        password_hasher_1.PasswordHasher,
        jwt_1.JwtService])
], AuthService);
//# sourceMappingURL=auth.service.js.map