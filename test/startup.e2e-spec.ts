import { runEntryPoint } from './helpers/run-entry-point';

/** Runs the real server entry point (src/main.ts) with an environment, until it exits. */
function start(env: Record<string, string>) {
  const { status, stdout, stderr } = runEntryPoint('src/main.ts', [], env);
  return { status, output: `${stdout}${stderr}`.trim() };
}

describe('start-up configuration (e2e)', () => {
  it.each([
    [
      { PORT: 'abc' },
      'Invalid configuration: PORT must be an integer from 0 to 65535',
    ],
    [
      { INVITES_LENGTH: '3' },
      'Invalid configuration: INVITES_LENGTH must be an integer from 6 to 64',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'too-short' },
      'Invalid configuration: JWT_SECRET must be at least 32 characters',
    ],
    [
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'change-me-to-at-least-32-random-characters',
      },
      'Invalid configuration: JWT_SECRET must not be the placeholder from .env.example',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'abcd'.repeat(10) },
      'Invalid configuration: JWT_SECRET is too weak: use at least 16 different characters (e.g. openssl rand -base64 48)',
    ],
    [
      { NODE_ENV: 'production', JWT_SECRET_FILE: '/nonexistent/jwt-secret' },
      'Invalid configuration: JWT_SECRET_FILE cannot be read: /nonexistent/jwt-secret (ENOENT)',
    ],
    [
      { JWT_EXPIRES_IN: '31d' },
      'Invalid configuration: JWT_EXPIRES_IN must be at most 30 days',
    ],
    [
      { TRUST_PROXY: 'true' },
      'Invalid configuration: TRUST_PROXY=true is refused (clients can forge X-Forwarded-For): set the number of proxies in front of the service or their addresses/subnets',
    ],
    [
      { HASH_CONCURRENCY: '0' },
      'Invalid configuration: HASH_CONCURRENCY must be an integer from 1 to 1024',
    ],
    [
      { JWT_ISSUER: 'x'.repeat(300) },
      'Invalid configuration: JWT_ISSUER must be 1 to 255 characters',
    ],
    [
      { NODE_ENV: 'production' },
      'Invalid configuration: JWT_SECRET must be set (at least 32 characters) when NODE_ENV=production',
    ],
  ])(
    'refuses %j with one line naming the variable and exit code 1',
    (env, line) => {
      const { status, output } = start(env);
      expect(status).toBe(1);
      expect(output).toBe(line);
      expect(output).not.toMatch(/\n|\bat .+:\d+:\d+/); // one line, no stack trace
    },
  );
});
