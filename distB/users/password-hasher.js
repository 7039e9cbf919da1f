"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PasswordHasher = void 0;
const common_1 = require("@nestjs/common");
const argon2_1 = require("@node-rs/argon2");
/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane). The parameters
 * are stored inside each hash, so raising them later keeps old hashes valid.
 */
const OPTIONS = {
    // Algorithm.Argon2id: the package's enum is a `const enum`, which
    // isolatedModules (ts-jest) cannot read, so its value is spelled out.
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
};
let PasswordHasher = class PasswordHasher {
    /**
     * A hash of a random password, verified against when the username is
     * unknown, so that "no such user" costs as much as "wrong password".
     */
    decoy;
    hash(password) {
        return (0, argon2_1.hash)(password, OPTIONS);
    }
    async verify(passwordHash, password) {
        try {
            return await (0, argon2_1.verify)(passwordHash, password);
        }
        catch {
            return false; // a malformed stored hash never authenticates
        }
    }
    /** Spends the time of one verification and fails. */
    async verifyDecoy(password) {
        this.decoy ??= (0, argon2_1.hash)(`decoy-${Math.random()}-${Date.now()}`, OPTIONS);
        await this.verify(await this.decoy, password);
        return false;
    }
};
exports.PasswordHasher = PasswordHasher;
exports.PasswordHasher = PasswordHasher = __decorate([
    (0, common_1.Injectable)()
], PasswordHasher);
//# sourceMappingURL=password-hasher.js.map