import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './configuration';
import { ConfigValidationError } from './env-errors';
import {
  JWT_SECRET_PLACEHOLDER,
  jwtSecretWeakness,
  readOrCreateJwtSecret,
} from './jwt-secret';

const STRONG = 'Zq3vT8pL1mX6cR0wY5nB9hK2dF7gJ4sA';

describe('jwtSecretWeakness', () => {
  it.each([
    [JWT_SECRET_PLACEHOLDER, 'must not be the placeholder from .env.example'],
    ['Zq3vT8pL1mX6cR0wY5nB9hK2dF7gJ4s', 'must be at least 32 characters'],
    [
      'ab'.repeat(32),
      'is too weak: use at least 16 different characters (e.g. openssl rand -base64 48)',
    ],
    [
      '0123456789abcd'.repeat(3),
      'is too weak: use at least 16 different characters (e.g. openssl rand -base64 48)',
    ],
  ])('refuses %j: %s', (secret, reason) => {
    expect(jwtSecretWeakness(secret)).toBe(reason);
  });

  it('accepts 32 characters with 16 or more distinct ones', () => {
    expect(jwtSecretWeakness(STRONG)).toBeNull();
    expect(jwtSecretWeakness('0123456789abcdef'.repeat(2))).toBeNull();
  });
});

describe('JWT secret in the configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const production = (env: Record<string, string>) => () =>
    loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, ...env });

  it.each([
    [
      JWT_SECRET_PLACEHOLDER,
      'JWT_SECRET must not be the placeholder from .env.example',
    ],
    [
      'a'.repeat(40),
      'JWT_SECRET is too weak: use at least 16 different characters (e.g. openssl rand -base64 48)',
    ],
    ['short', 'JWT_SECRET must be at least 32 characters'],
  ])('stops a production start on JWT_SECRET=%j', (secret, message) => {
    expect(production({ JWT_SECRET: secret })).toThrow(
      new ConfigValidationError(message),
    );
  });

  it('reads JWT_SECRET_FILE, without its trailing newline, and checks it in production', () => {
    const file = join(dir, 'secret');
    writeFileSync(file, `${STRONG}\n`);
    expect(production({ JWT_SECRET_FILE: file })().auth.jwtSecret).toBe(STRONG);
    writeFileSync(file, `${JWT_SECRET_PLACEHOLDER}\n`);
    expect(production({ JWT_SECRET_FILE: file })).toThrow(
      new ConfigValidationError(
        `JWT_SECRET_FILE (the secret in ${file}) must not be the placeholder from .env.example`,
      ),
    );
    writeFileSync(file, 'x'.repeat(64));
    expect(production({ JWT_SECRET_FILE: file })).toThrow(/^JWT_SECRET_FILE/);
  });

  it('names JWT_SECRET_FILE when the file cannot be read', () => {
    const missing = join(dir, 'missing');
    expect(production({ JWT_SECRET_FILE: missing })).toThrow(
      new ConfigValidationError(
        `JWT_SECRET_FILE cannot be read: ${missing} (ENOENT)`,
      ),
    );
  });

  it('refuses JWT_SECRET and JWT_SECRET_FILE together', () => {
    expect(
      production({ JWT_SECRET: STRONG, JWT_SECRET_FILE: join(dir, 'x') }),
    ).toThrow('JWT_SECRET and JWT_SECRET_FILE are both set: set only one');
  });

  it('lets development use a readable secret of 32 characters', () => {
    expect(
      loadConfig({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32) }).auth.jwtSecret,
    ).toBe('x'.repeat(32));
  });
});

describe('readOrCreateJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a strong secret once, readable only by its owner, and leaves no temporary file', () => {
    const first = readOrCreateJwtSecret(dir);
    expect(jwtSecretWeakness(first)).toBeNull();
    expect(readOrCreateJwtSecret(dir)).toBe(first);
    expect(readdirSync(dir)).toEqual(['jwt-secret']);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first);
  });

  it('keeps a secret that is already there (another instance won the race)', () => {
    writeFileSync(join(dir, 'jwt-secret'), STRONG);
    expect(readOrCreateJwtSecret(dir)).toBe(STRONG);
  });

  it('refuses a damaged secret file instead of signing with it', () => {
    const path = join(dir, 'jwt-secret');
    writeFileSync(path, 'abc');
    expect(() => readOrCreateJwtSecret(dir)).toThrow(
      new ConfigValidationError(
        `JWT_SECRET is unset and the generated secret in ${path} must be at least 32 characters; delete the file to generate a new one`,
      ),
    );
  });
});
