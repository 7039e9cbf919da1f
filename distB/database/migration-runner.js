"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runMigrationsExclusively = runMigrationsExclusively;
const common_1 = require("@nestjs/common");
/** Arbitrary but fixed: every instance of the service must use the same key. */
const MIGRATION_LOCK_KEY = 7_362_001_914;
/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so
 * that of several instances starting together on one empty database exactly
 * one migrates and the others wait, then find nothing left to do.
 */
async function runMigrationsExclusively(dataSource, logger = new common_1.Logger('Migrations')) {
    // The lock is held by this session; migrations run on other pooled
    // connections while it is held.
    const lockRunner = dataSource.createQueryRunner();
    await lockRunner.connect();
    try {
        await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        for (const migration of applied) {
            logger.log(`applied ${migration.name}`);
        }
    }
    finally {
        await lockRunner
            .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
            .catch(() => undefined); // the session ending releases it anyway
        await lockRunner.release();
    }
}
//# sourceMappingURL=migration-runner.js.map