import { Socket } from 'node:net';
import { Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The two places where the service reaches past TypeORM's and pg's public
 * API, kept here and checked at run time so that an upgrade that moves them
 * fails loudly (and pg-internals.spec.ts / pg-internals.e2e-spec.ts fail in
 * CI) instead of silently turning off the database watchdog.
 */

/** The node-postgres pool under TypeORM's PostgreSQL driver (`driver.master`). */
export function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: unknown }).master;
  if (!(pool instanceof Pool)) {
    throw new Error(
      'TypeORM no longer keeps its pg Pool in driver.master: see src/database/pg-internals.ts',
    );
  }
  return pool;
}

/**
 * Destroys a pooled connection's socket (`client.connection.stream`): its
 * pending query fails at once as a lost connection. client.end() would wait
 * for a server that no longer answers.
 */
export function destroyConnection(client: PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: unknown } })
    .connection?.stream;
  if (!(stream instanceof Socket)) {
    throw new Error(
      'pg no longer keeps its socket in client.connection.stream: see src/database/pg-internals.ts',
    );
  }
  stream.destroy();
}
