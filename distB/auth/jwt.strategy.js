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
exports.JwtStrategy = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const config_1 = require("@nestjs/config");
const passport_1 = require("@nestjs/passport");
const passport_jwt_1 = require("passport-jwt");
const domain_error_1 = require("../common/errors/domain-error");
const users_service_1 = require("../users/users.service");
const token_extractor_1 = require("./token-extractor");
/** Ids are a PostgreSQL int: a larger `sub` cannot name a user (and must not reach SQL). */
const MAX_USER_ID = 2_147_483_647;
/**
 * Verifies HS256 tokens only (so `alg: none` and algorithm confusion fail
 * before any claim is read), then loads the user's current row: a deleted
 * user is refused, and a demotion is seen on the very next request.
 */
let JwtStrategy = class JwtStrategy extends (0, passport_1.PassportStrategy)(passport_jwt_1.Strategy) {
    users;
    constructor(config, users) {
        super({
            jwtFromRequest: token_extractor_1.extractToken,
            // A KeyObject rather than the string: given a string, jsonwebtoken
            // first tries to read it as a PEM public key on every request, which
            // was the largest single CPU cost of an authenticated request.
            secretOrKey: (0, node_crypto_1.createSecretKey)(Buffer.from(config.get('auth', { infer: true }).jwtSecret)),
            algorithms: ['HS256'],
            ignoreExpiration: false,
        });
        this.users = users;
    }
    async validate(payload) {
        const id = Number(payload.sub);
        if (typeof payload.sub !== 'number' && typeof payload.sub !== 'string') {
            throw new domain_error_1.NotLoggedInError();
        }
        if (!Number.isSafeInteger(id) ||
            id <= 0 ||
            id > MAX_USER_ID ||
            String(id) !== String(payload.sub)) {
            throw new domain_error_1.NotLoggedInError();
        }
        const user = await this.users.findById(id);
        if (!user)
            throw new domain_error_1.NotLoggedInError();
        return user;
    }
};
exports.JwtStrategy = JwtStrategy;
exports.JwtStrategy = JwtStrategy = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [config_1.ConfigService,
        users_service_1.UsersService])
], JwtStrategy);
//# sourceMappingURL=jwt.strategy.js.map