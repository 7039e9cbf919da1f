import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigValidationError } from './env-errors';

const SECRET_FILE = 'jwt-secret';

/** The example value in .env.example: public, so never a real secret. */
export const JWT_SECRET_PLACEHOLDER =
  'change-me-to-at-least-32-random-characters';
export const JWT_SECRET_MIN_LENGTH = 32;
export const JWT_SECRET_MIN_DISTINCT = 16;

/**
 * Why `secret` must not sign tokens, or null when it may. A secret of few
 * distinct characters ("aaaa…", "abab…") is long but guessable.
 */
export function jwtSecretWeakness(secret: string): string | null {
  if (secret === JWT_SECRET_PLACEHOLDER) {
    return 'must not be the placeholder from .env.example';
  }
  if ([...secret].length < JWT_SECRET_MIN_LENGTH) {
    return `must be at least ${JWT_SECRET_MIN_LENGTH} characters`;
  }
  if (new Set(secret).size < JWT_SECRET_MIN_DISTINCT) {
    return `is too weak: use at least ${JWT_SECRET_MIN_DISTINCT} different characters (e.g. openssl rand -base64 48)`;
  }
  return null;
}

export interface JwtSecretSources {
  JWT_SECRET?: string;
  JWT_SECRET_FILE?: string;
  NODE_ENV: string;
}

/**
 * The secret from JWT_SECRET, the file JWT_SECRET_FILE names (Docker and
 * systemd credentials), or, outside production, one generated into dataDir.
 * In production a weak one stops start-up, naming the variable it came from.
 * @throws ConfigValidationError
 */
export function resolveJwtSecret(
  env: JwtSecretSources,
  dataDir: string,
): string {
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET_FILE !== undefined) {
    throw new ConfigValidationError(
      'JWT_SECRET and JWT_SECRET_FILE are both set: set only one',
    );
  }
  let secret: string;
  let variable: string;
  if (env.JWT_SECRET_FILE !== undefined) {
    variable = 'JWT_SECRET_FILE';
    secret = readSecretFile(env.JWT_SECRET_FILE);
  } else if (env.JWT_SECRET !== undefined) {
    variable = 'JWT_SECRET';
    secret = env.JWT_SECRET;
  } else {
    return readOrCreateJwtSecret(dataDir);
  }
  const weakness = jwtSecretWeakness(secret);
  // Outside production only the length is enforced, so that tests and
  // development may use readable secrets.
  if (
    weakness &&
    (env.NODE_ENV === 'production' ||
      [...secret].length < JWT_SECRET_MIN_LENGTH)
  ) {
    const what =
      variable === 'JWT_SECRET_FILE'
        ? `JWT_SECRET_FILE (the secret in ${env.JWT_SECRET_FILE})`
        : variable;
    throw new ConfigValidationError(`${what} ${weakness}`);
  }
  return secret;
}

function readSecretFile(path: string): string {
  try {
    // One trailing newline is what `echo … > file` leaves; it is not part of the secret.
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new ConfigValidationError(
      `JWT_SECRET_FILE cannot be read: ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}

/**
 * Outside production the JWT secret may be left unset: one is generated into
 * DATA_DIR on first start and read back afterwards, so tokens survive a
 * restart. It is written to a temporary file first and then linked into
 * place: a crash never leaves a half-written secret, and link (unlike
 * rename) fails when the name exists, so two instances starting together
 * end up with the same secret. What is read back is checked: a truncated or
 * edited file stops start-up instead of signing with a weak key.
 */
export function readOrCreateJwtSecret(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, randomBytes(48).toString('base64url'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  const secret = readFileSync(path, 'utf8').trim();
  const weakness = jwtSecretWeakness(secret);
  if (weakness) {
    throw new ConfigValidationError(
      `JWT_SECRET is unset and the generated secret in ${path} ${weakness}; delete the file to generate a new one`,
    );
  }
  return secret;
}
