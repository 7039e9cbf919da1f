"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InviteCodeGenerator = exports.CODE_ALPHABET = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
exports.CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 248 = 4 × 62: bytes at or above it are dropped, so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % exports.CODE_ALPHABET.length);
/**
 * Invite codes from the operating system's CSPRNG (never Math.random), drawn
 * uniformly from A-Z a-z 0-9: 8 characters give 62^8 ≈ 2.2e14 codes. A class
 * of its own so tests can substitute a generator that collides on purpose.
 */
let InviteCodeGenerator = class InviteCodeGenerator {
    generate(length) {
        let code = '';
        while (code.length < length) {
            // Ask for a little more than needed; ~3% of bytes are rejected.
            for (const byte of (0, node_crypto_1.randomBytes)(length + 8)) {
                if (byte >= UNBIASED_LIMIT)
                    continue;
                code += exports.CODE_ALPHABET[byte % exports.CODE_ALPHABET.length];
                if (code.length === length)
                    break;
            }
        }
        return code;
    }
};
exports.InviteCodeGenerator = InviteCodeGenerator;
exports.InviteCodeGenerator = InviteCodeGenerator = __decorate([
    (0, common_1.Injectable)()
], InviteCodeGenerator);
//# sourceMappingURL=invite-code.generator.js.map