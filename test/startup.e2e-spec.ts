import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Runs the real entry point (src/main.ts) with an environment, until it exits. */
function start(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      // Only what the test names, plus what Node needs: no DATABASE_URL leaks in.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
      },
    },
  );
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`.trim(),
  };
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
