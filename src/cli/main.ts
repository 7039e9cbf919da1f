import { errorMessage, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './exit';
import { loadConfigOrExit } from '../config/load-config';
import { isCommandName, parseCommand, USAGE } from './parse-args';

/**
 * The operator CLI (`npm run cli -- <command>`): user management against the
 * service's own database, through the same UsersService as the API.
 */
async function main(argv: string[]): Promise<number> {
  // API keys live in their own module (src/cli/key-commands.ts).
  if (argv[0] === 'key') {
    const { runKeyCli } = await import('./key-commands');
    return runKeyCli(argv.slice(1));
  }
  const parsed = parseCommand(argv);
  if (!parsed.ok) {
    // A known command's mistake is one line (the command exists, an
    // argument is wrong); a missing or unknown command gets the list too.
    console.error(
      isCommandName(argv[0])
        ? `error: ${parsed.error}`
        : `error: ${parsed.error}\n\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  if (parsed.command.name === 'help') {
    console.log(USAGE);
    return EXIT_OK;
  }
  const config = loadConfigOrExit();
  // Loaded only now: Nest and TypeORM take seconds to load, which help and
  // a mistyped command should not have to wait for.
  const { executeCommand } = await import('./execute');
  return executeCommand(parsed.command, config);
}

// process.exit: a connection pool left open by a failed start-up must not
// keep the process alive once everything it owns has been closed.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${errorMessage(error)}`);
    process.exit(EXIT_FAILED);
  },
);
