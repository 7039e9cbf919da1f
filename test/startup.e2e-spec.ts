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
