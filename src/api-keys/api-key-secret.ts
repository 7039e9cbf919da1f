import { createHash, randomInt } from 'node:crypto';

export const API_KEY_PREFIX = 'isk_';
const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** 40 base62 characters: about 238 bits. */
const SECRET_LENGTH = 40;
const SHAPE = /^isk_[A-Za-z0-9]{32,64}$/;

export function generateApiKey(): string {
  let secret = API_KEY_PREFIX;
  for (let i = 0; i < SECRET_LENGTH; i += 1) secret += ALPHABET[randomInt(62)];
  return secret;
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

export function isWellFormedApiKey(token: string): boolean {
  return SHAPE.test(token);
}

/**
 * SHA-256, not argon2: the key is 238 random bits, so there is nothing for
 * a slow hash to protect against a dictionary, and a key is checked on every
 * request, where argon2 would cost tens of milliseconds each time.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
