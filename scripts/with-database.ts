import { ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { loadConfigOrExit, loadDotEnv } from '../src/config/load-config';
import { EmbeddedDatabase } from '../src/database/embedded-database';

/**
 * Usage: ts-node --transpile-only scripts/with-database.ts <command> [args...]
 *
 * Runs a command with DATABASE_URL pointing at the service's database: the
 * configured one, or else the embedded PostgreSQL in DATA_DIR, started for
 * the command (or borrowed from a running `npm start`) and stopped after it.
 * This is what lets `npm run migration:*` work with no setup at all.
 */

const ROOT = resolve(__dirname, '..');
const NAME = 'with-database';
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

let child: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;

/**
 * This process must outlive a signal to stop the embedded server it started,
 * so signals never kill it: they go to the command, which decides (Ctrl-C
 * reaches it directly too, as it shares the terminal's process group), or,
 * before the command runs, cancel it.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (child) child.kill(signal);
  else interruptedBy ??= signal;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command) {
    console.error(`Usage: ${NAME} <command> [args...]`);
    return 2;
  }
  // A configured database is used as is: nothing else of the configuration
  // matters to a migration, so it is not validated (or its files created).
  loadDotEnv();
  const configured = process.env.DATABASE_URL;
  if (configured) return run(command, args, configured);

  const config = loadConfigOrExit();
  const embedded = await EmbeddedDatabase.start({
    dataDir: config.database.dataDir,
    log: (line) => console.error(`[${NAME}] ${line}`),
  });
  try {
    if (interruptedBy) return signalExitCode(interruptedBy);
    return await run(command, args, embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Runs the command to its end and resolves with the exit code to pass on. */
function run(
  command: string,
  args: string[],
  databaseUrl: string,
): Promise<number> {
  return new Promise((resolvePromise) => {
    child = spawn(command, args, {
      stdio: 'inherit',
      shell: false,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // Node looks the command up in this PATH, so local binaries such as
        // typeorm-ts-node-commonjs resolve outside `npm run` too.
        PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH]
          .filter(Boolean)
          .join(delimiter),
      },
    });
    child.on('error', (error) => {
      // Once spawned, an error only means a forwarded signal failed: the
      // command still runs and its 'exit' will come.
      if (child?.pid !== undefined) return;
      console.error(`[${NAME}] cannot run ${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.once('exit', (code, signal) => {
      resolvePromise(code ?? signalExitCode(signal ?? 'SIGTERM'));
    });
  });
}

/** As a shell reports it: 128 + the signal's number. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

for (const signal of FORWARDED_SIGNALS) process.on(signal, onSignal);

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `[${NAME}] ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
