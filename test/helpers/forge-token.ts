import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './create-app';

/**
 * The claims a token of this service carries besides `sub` (and `exp`, an
 * hour ahead), so a forged token fails only for the flaw a test puts in it
 * (pass `undefined` to drop one).
 */
export const DEFAULT_CLAIMS = {
  iss: 'invite-service',
  aud: 'invite-service',
  ver: 0,
};

/** Signs a token by hand, so the tests can forge every kind of bad token. */
export function forgeToken(
  payload: Record<string, unknown>,
  options: { secret?: string; header?: Record<string, unknown> } = {},
): string {
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode(options.header ?? { alg: 'HS256', typ: 'JWT' });
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const body = encode({ ...DEFAULT_CLAIMS, exp, ...payload });
  const signature = createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(`${header}.${body}`)
    .digest('base64url');
  return `${header}.${body}.${signature}`;
}
