import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

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
} as const;

@Injectable()
export class PasswordHasher {
  /**
   * A hash of a random password, verified against when the username is
   * unknown, so that "no such user" costs as much as "wrong password".
   */
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never authenticates
    }
  }

  /** Spends the time of one verification and fails. */
  async verifyDecoy(password: string): Promise<false> {
    this.decoy ??= hash(`decoy-${Math.random()}-${Date.now()}`, OPTIONS);
    await this.verify(await this.decoy, password);
    return false;
  }
}
