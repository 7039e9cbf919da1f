import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * Opens the pool's connections in the background right after start-up. A
 * fresh instance hit by a burst would otherwise open them all at once, each
 * with its authentication handshake, and on a busy machine some requests
 * would wait past the connection timeout (503) for no fault of the database.
 * Not awaited: start-up does not wait for it, and a failure only means the
 * connections are opened later, on demand.
 */
export function warmUpPool(dataSource: DataSource, size: number): void {
  const queries = Array.from({ length: size }, () =>
    dataSource.query('SELECT 1'),
  );
  Promise.all(queries).catch((error: unknown) => {
    new Logger('Database').warn(
      `pool warm-up failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}
