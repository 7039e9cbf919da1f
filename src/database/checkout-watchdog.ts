import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { destroyConnection } from './pg-internals';

/** How often checked-out connections are looked at. */
export const CHECK_INTERVAL_MS = 250;

/**
 * The client-side bound on a database round trip, for a server that stops
 * answering without closing its connections (a network partition: the
 * server's statement_timeout cannot help, it never hears of the query). A
 * connection checked out for longer than the bound is destroyed, so its
 * query fails as a lost connection (503) and the pool opens a new one.
 *
 * One interval for all connections instead of pg's `query_timeout` (a timer
 * per query, which kept young objects alive; see docs/benchmarks.md). The
 * checkout time of each connection comes from the pool's public
 * acquire/release events. Checkouts are short here (a statement, or a
 * transaction of a few; password hashing happens before a transaction opens).
 */
export class CheckoutWatchdog implements OnModuleDestroy {
  /**
   * Intervals since start, counted by the timer. The checkout times are
   * these small integers rather than Date.now() values: V8 boxes a number
   * that large in a fresh heap object, and storing one per checkout in this
   * long-lived map made young objects survive collections again.
   */
  private ticks = 0;
  private readonly checkedOutAt = new Map<PoolClient, number>();
  private readonly boundTicks: number;
  private readonly timer: NodeJS.Timeout;
  private readonly logger = new Logger('Database');

  constructor(pool: Pool, boundMs: number) {
    this.boundTicks = Math.ceil(boundMs / CHECK_INTERVAL_MS);
    pool.on('acquire', (client) => this.checkedOutAt.set(client, this.ticks));
    pool.on('release', (_error, client) => this.checkedOutAt.delete(client));
    pool.on('remove', (client) => this.checkedOutAt.delete(client));
    this.timer = setInterval(() => this.tick(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * One interval later: destroys the connections checked out for longer
   * than the bound (between it and one interval more); returns how many.
   */
  tick(): number {
    this.ticks += 1;
    let destroyed = 0;
    for (const [client, since] of this.checkedOutAt) {
      if (this.ticks - since <= this.boundTicks) continue;
      this.checkedOutAt.delete(client);
      destroyed += 1;
      destroyConnection(client);
    }
    if (destroyed > 0) {
      this.logger.warn(
        `${destroyed} database connection(s) unanswered for ${(this.boundTicks * CHECK_INTERVAL_MS) / 1000} s: closed`,
      );
    }
    return destroyed;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
