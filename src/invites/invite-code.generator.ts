import { Injectable } from '@nestjs/common';
import { randomFillSync } from 'node:crypto';

export const CODE_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 248 = 4 × 62: bytes at or above it are dropped, so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);

/**
 * Random bytes are fetched this many at a time, so that a batch of 100 codes
 * costs one call to the CSPRNG rather than 100 (docs/benchmarks.md). Node
 * caches entropy the same way for randomUUID().
 */
const ENTROPY_CACHE_BYTES = 2048;

/**
 * Invite codes from the operating system's CSPRNG (never Math.random), drawn
 * uniformly from A-Z a-z 0-9: 8 characters give 62^8 ≈ 2.2e14 codes. A class
 * of its own so tests can substitute a generator that collides on purpose.
 * Each byte is used once, then the cache is refilled.
 */
@Injectable()
export class InviteCodeGenerator {
  private readonly entropy = Buffer.alloc(ENTROPY_CACHE_BYTES);
  private next = ENTROPY_CACHE_BYTES;

  generate(length: number): string {
    let code = '';
    while (code.length < length) {
      const byte = this.randomByte();
      if (byte < UNBIASED_LIMIT)
        code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
    return code;
  }

  private randomByte(): number {
    if (this.next === ENTROPY_CACHE_BYTES) {
      this.fillWithRandomBytes(this.entropy);
      this.next = 0;
    }
    return this.entropy[this.next++];
  }

  protected fillWithRandomBytes(buffer: Buffer): void {
    randomFillSync(buffer);
  }
}
