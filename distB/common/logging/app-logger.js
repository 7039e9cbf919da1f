"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BatchedJsonLogger = void 0;
exports.createAppLogger = createAppLogger;
const common_1 = require("@nestjs/common");
const line_batcher_1 = require("./line-batcher");
/**
 * Nest's JSON lines, unchanged, but written in batches (see LineBatcher):
 * the access log adds a line per request.
 */
class BatchedJsonLogger extends common_1.ConsoleLogger {
    stdout = new line_batcher_1.LineBatcher((text) => process.stdout.write(text));
    stderr = new line_batcher_1.LineBatcher((text) => process.stderr.write(text));
    constructor() {
        super({ json: true, colors: false });
        process.once('exit', () => this.flush());
    }
    /** Writes every pending line now. */
    flush() {
        this.stdout.flush();
        this.stderr.flush();
    }
    printAsJson(message, options) {
        const line = this.stringifyJsonLogObject(this.getJsonLogObject(message, options));
        const batcher = options.writeStreamType === 'stderr' ? this.stderr : this.stdout;
        batcher.add(`${line}\n`);
    }
}
exports.BatchedJsonLogger = BatchedJsonLogger;
/**
 * Nest's own logger: one JSON object per line in production (for log
 * shippers), coloured text everywhere else (for people).
 */
function createAppLogger(nodeEnv) {
    return nodeEnv === 'production'
        ? new BatchedJsonLogger()
        : new common_1.ConsoleLogger({ colors: process.stdout.isTTY === true });
}
//# sourceMappingURL=app-logger.js.map