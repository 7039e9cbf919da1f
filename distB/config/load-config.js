"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadDotEnv = loadDotEnv;
exports.loadConfigOrExit = loadConfigOrExit;
const node_fs_1 = require("node:fs");
const configuration_1 = require("./configuration");
const env_validation_1 = require("./env.validation");
/**
 * Reads `.env` from the working directory. Variables already in the
 * environment win, so calling this twice changes nothing.
 */
function loadDotEnv() {
    if ((0, node_fs_1.existsSync)('.env'))
        process.loadEnvFile('.env');
}
/**
 * The configuration as every entry point (server, CLI, migration scripts)
 * reads it, so they all find the same database. A wrong setting exits with
 * one line naming the variable and code 1: no stack trace.
 */
function loadConfigOrExit() {
    loadDotEnv();
    try {
        return (0, configuration_1.loadConfig)(process.env);
    }
    catch (error) {
        if (error instanceof env_validation_1.ConfigValidationError) {
            console.error(`Invalid configuration: ${error.message}`);
            process.exit(1);
        }
        throw error;
    }
}
//# sourceMappingURL=load-config.js.map