import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { withAdvisoryLock } from './advisory-lock';

/** Arbitrary but fixed: every instance of the service must use the same key. */
const MIGRATION_LOCK_KEY = 7_362_001_914;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so
 * that of several instances starting together on one empty database exactly
 * one migrates and the others wait, then find nothing left to do.
 *
 * They run on connections of their own without the requests' statement
 * timeout: a migration of a large table may take minutes, and failing it
 * would stop every instance from starting.
 */
export async function runMigrationsExclusively(
  options: DataSourceOptions,
  logger = new Logger('Migrations'),
): Promise<void> {
  const migrator = await new DataSource({
    ...options,
    // One session holds the lock, one migrates.
    poolSize: 2,
    extra: { ...(options.extra as object), statement_timeout: undefined },
  } as DataSourceOptions).initialize();
  try {
    await withAdvisoryLock(migrator, MIGRATION_LOCK_KEY, async () => {
      const applied = await migrator.runMigrations({ transaction: 'each' });
      for (const migration of applied) {
        logger.log(`applied ${migration.name}`);
      }
    });
  } finally {
    await migrator.destroy();
  }
}
