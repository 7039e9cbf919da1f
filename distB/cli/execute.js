"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.executeCommand = executeCommand;
const core_1 = require("@nestjs/core");
const embedded_database_1 = require("../database/embedded-database");
const users_service_1 = require("../users/users.service");
const cli_module_1 = require("./cli.module");
const exit_1 = require("./exit");
const run_command_1 = require("./run-command");
/**
 * Runs one database command: starts (or borrows) the embedded PostgreSQL when
 * no DATABASE_URL is configured, boots the CLI's Nest context, and always
 * closes both again. Resolves with the exit code.
 */
async function executeCommand(command, config) {
    let starting;
    let context;
    let closing;
    // Runs once, whether the command ends or the operator interrupts it, even
    // while the server is still starting: the embedded server is detached from
    // the terminal, so nobody else would stop it.
    const shutdown = () => (closing ??= (async () => {
        try {
            await context?.close();
        }
        finally {
            const embedded = await starting?.catch(() => undefined);
            await embedded?.stop();
        }
    })());
    for (const [signal, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
    ]) {
        process.once(signal, () => {
            void shutdown()
                .catch((error) => console.error(`error: ${(0, exit_1.errorMessage)(error)}`))
                .finally(() => process.exit(code));
        });
    }
    try {
        if (!config.database.url) {
            // Attaches to the server of a running `npm start` in the same DATA_DIR
            // (and then leaves it running on stop), or starts one of its own.
            starting = embedded_database_1.EmbeddedDatabase.start({
                dataDir: config.database.dataDir,
                // stderr: stdout carries only the result, e.g. a generated password.
                log: (line) => console.error(line),
            });
            config.database.url = (await starting).url;
        }
        context = await core_1.NestFactory.createApplicationContext(cli_module_1.CliModule.register(config), 
        // abortOnError: false, or a failed start-up would process.abort()
        // before the embedded server could be stopped.
        { logger: ['error'], abortOnError: false });
        await (0, run_command_1.runCommand)(command, context.get(users_service_1.UsersService), {
            print: (line) => console.log(line),
            generatePassword: run_command_1.generatePassword,
        });
        return exit_1.EXIT_OK;
    }
    catch (error) {
        // Domain errors (username taken, user not found) carry the message meant
        // for the operator; anything else is reported the same way, in one line.
        console.error(`error: ${(0, exit_1.errorMessage)(error)}`);
        return exit_1.EXIT_FAILED;
    }
    finally {
        await shutdown();
    }
}
//# sourceMappingURL=execute.js.map