"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CheckoutWatchdog = void 0;
const common_1 = require("@nestjs/common");
/** How often checked-out connections are looked at. */
const CHECK_INTERVAL_MS = 1000;
/**
 * The client-side bound on a database round trip, for a server that stops
 * answering without closing its connections (a network partition: the
 * server's statement_timeout cannot help, it never hears of the query). A
 * connection checked out for longer than the bound is destroyed, so its
 * query fails as a lost connection (503) and the pool opens a new one.
 *
 * pg's own `query_timeout` gives such a bound with a timer per query whose
 * closure holds the query and its rows; those young objects then survived
 * garbage collections, and the option cost 14 % of the CPU time of a GET
 * list(100). This keeps one timestamp per checked-out connection, from the
 * pool's public acquire/release events, and one interval for all of them.
 * Checkouts are short here (a statement, or a transaction of a few;
 * password hashing happens before a transaction opens).
 */
class CheckoutWatchdog {
    boundMs;
    now;
    checkedOutSince = new Map();
    timer;
    logger = new common_1.Logger('Database');
    constructor(pool, boundMs, now = Date.now) {
        this.boundMs = boundMs;
        this.now = now;
        pool.on('acquire', (client) => this.checkedOutSince.set(client, 5));
        pool.on('release', (_error, client) => this.checkedOutSince.delete(client));
        pool.on('remove', (client) => this.checkedOutSince.delete(client));
        this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
        this.timer.unref();
    }
    /** Destroys the connections held past the bound; returns how many. */
    check() {
        const deadline = this.now() - this.boundMs;
        let destroyed = 0;
        for (const [client, since] of this.checkedOutSince) {
            if (since > deadline)
                continue;
            this.checkedOutSince.delete(client);
            destroyed += 1;
            // The socket, not client.end(): a server that does not answer would
            // never acknowledge a polite goodbye either.
            client.connection.stream.destroy();
        }
        if (destroyed > 0) {
            this.logger.warn(`${destroyed} database connection(s) unanswered for ${this.boundMs} ms: closed`);
        }
        return destroyed;
    }
    onModuleDestroy() {
        clearInterval(this.timer);
    }
}
exports.CheckoutWatchdog = CheckoutWatchdog;
//# sourceMappingURL=checkout-watchdog.js.map