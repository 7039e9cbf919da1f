"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT_USAGE = exports.EXIT_FAILED = exports.EXIT_OK = void 0;
exports.errorMessage = errorMessage;
exports.EXIT_OK = 0;
/** The command failed, e.g. an unknown user or an unreachable database. */
exports.EXIT_FAILED = 1;
/** The command line itself is wrong. */
exports.EXIT_USAGE = 2;
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=exit.js.map