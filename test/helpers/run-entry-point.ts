import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs one of the project's entry points from source (`src/main.ts`,
 * `src/cli/main.ts`) as a separate process until it exits. The environment
 * holds only what the caller names plus what Node needs, so no DATABASE_URL
 * or other setting of the test run leaks in.
 */
export function runEntryPoint(
  entryPoint: string,
  args: string[],
  env: Record<string, string>,
  /** Written to the process's stdin (e.g. for --password-stdin). */
  input?: string,
) {
  const result = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', entryPoint, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      input,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
      },
    },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}
