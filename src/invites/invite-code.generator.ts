import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

export const CODE_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 248 = 4 × 62: bytes at or above it are dropped, so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);

/**
 * Invite codes from the operating system's CSPRNG (never Math.random), drawn
 * uniformly from A-Z a-z 0-9: 8 characters give 62^8 ≈ 2.2e14 codes. A class
 * of its own so tests can substitute a generator that collides on purpose.
 */
@Injectable()
export class InviteCodeGenerator {
  generate(length: number): string {
    let code = '';
    while (code.length < length) {
      // Ask for a little more than needed; ~3% of bytes are rejected.
      for (const byte of randomBytes(length + 8)) {
        if (byte >= UNBIASED_LIMIT) continue;
        code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
        if (code.length === length) break;
      }
    }
    return code;
  }
}
