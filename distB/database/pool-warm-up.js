"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.warmUpPool = warmUpPool;
const common_1 = require("@nestjs/common");
/**
 * Opens the pool's connections in the background right after start-up. A
 * fresh instance hit by a burst would otherwise open them all at once, each
 * with its authentication handshake, and on a busy machine some requests
 * would wait past the connection timeout (503) for no fault of the database.
 * Not awaited: start-up does not wait for it, and a failure only means the
 * connections are opened later, on demand.
 */
function warmUpPool(dataSource, size) {
    const queries = Array.from({ length: size }, () => dataSource.query('SELECT 1'));
    Promise.all(queries).catch((error) => {
        new common_1.Logger('Database').warn(`pool warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
    });
}
//# sourceMappingURL=pool-warm-up.js.map