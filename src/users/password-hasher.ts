import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { hash, verify } from '@node-rs/argon2';
import type { AppConfig } from '../config/configuration';
import { HashSlots } from './hash-slots';

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

/**
 * Every hash and verification takes one of HASH_CONCURRENCY slots; when all
 * are taken and the short queue is full, ServerBusyError (503 server busy).
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  /**
   * A hash of a random password, verified against when the username is
   * unknown, so that "no such user" costs as much as "wrong password".
   */
  private decoy?: Promise<string>;
  private readonly slots: HashSlots;

  constructor(config: ConfigService<AppConfig, true>) {
    this.slots = new HashSlots(
      config.get('auth', { infer: true }).hashConcurrency,
    );
  }

  /** The decoy is made at start-up, not by the first unknown user of a flood. */
  onModuleInit(): void {
    const decoy = (this.decoy ??= newDecoy());
    // Made again on first use if this one failed.
    decoy.catch(() => {
      if (this.decoy === decoy) this.decoy = undefined;
    });
  }

  /**
   * Refuses at once (ServerBusyError) when a hash would be refused, so a
   * request in a flood gives up before it spends a database read.
   */
  assertRoom(): void {
    this.slots.assertRoom();
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, OPTIONS));
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    return this.slots.run(async () => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false; // a malformed stored hash never authenticates
      }
    });
  }

  /** Spends the time of one verification and fails. */
  async verifyDecoy(password: string): Promise<false> {
    // Not through a slot: a refused decoy must not leave `decoy` rejected.
    this.decoy ??= newDecoy();
    await this.verify(await this.decoy, password);
    return false;
  }
}

function newDecoy(): Promise<string> {
  return hash(`decoy-${Math.random()}-${Date.now()}`, OPTIONS);
}
