"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const exit_1 = require("./exit");
const load_config_1 = require("../config/load-config");
const parse_args_1 = require("./parse-args");
/**
 * The operator CLI (`npm run cli -- <command>`): user management against the
 * service's own database, through the same UsersService as the API.
 */
async function main(argv) {
    const parsed = (0, parse_args_1.parseCommand)(argv);
    if (!parsed.ok) {
        console.error(`error: ${parsed.error}\n\n${parse_args_1.USAGE}`);
        return exit_1.EXIT_USAGE;
    }
    if (parsed.command.name === 'help') {
        console.log(parse_args_1.USAGE);
        return exit_1.EXIT_OK;
    }
    const config = (0, load_config_1.loadConfigOrExit)();
    // Loaded only now: Nest and TypeORM take seconds to load, which help and
    // a mistyped command should not have to wait for.
    const { executeCommand } = await Promise.resolve().then(() => __importStar(require('./execute')));
    return executeCommand(parsed.command, config);
}
// process.exit: a connection pool left open by a failed start-up must not
// keep the process alive once everything it owns has been closed.
main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    console.error(`error: ${(0, exit_1.errorMessage)(error)}`);
    process.exit(exit_1.EXIT_FAILED);
});
//# sourceMappingURL=main.js.map