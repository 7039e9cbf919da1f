import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { withAdvisoryLock } from './advisory-lock';

/** Arbitrary but fixed: every instance of the service must use the same key. */
const MIGRATION_LOCK_KEY = 7_362_001_914;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so
 * that of several instances starting together on one empty database exactly
 * one migrates and the others wait, then find nothing left to do.
 */
export async function runMigrationsExclusively(
  dataSource: DataSource,
  logger = new Logger('Migrations'),
): Promise<void> {
  await withAdvisoryLock(dataSource, MIGRATION_LOCK_KEY, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) {
      logger.log(`applied ${migration.name}`);
    }
  });
}
