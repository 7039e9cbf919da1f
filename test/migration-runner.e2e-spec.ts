import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runMigrationsExclusively } from '../src/database/migration-runner';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

/** Longer than the statement timeout the test gives the service's requests. */
class SlowMigration1900000000000 implements MigrationInterface {
  name = 'SlowMigration1900000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_sleep(0.6)');
    await runner.query('CREATE TABLE slow_migration_done (id int)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE slow_migration_done');
  }
}

describe('migrations (e2e)', () => {
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(url));

  it('run without the statement timeout of requests', async () => {
    const options = buildDataSourceOptions({ url, statementTimeoutMs: 200 });
    await runMigrationsExclusively(
      { ...options, migrations: [SlowMigration1900000000000] },
      { log: () => undefined } as never,
    );
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query<{ name: string }>(
        'SELECT name FROM migrations',
      );
      expect(applied.rows).toEqual([{ name: 'SlowMigration1900000000000' }]);
    } finally {
      await client.end();
    }
    // The service's own connections keep the bound.
    const service = await new DataSource(options).initialize();
    try {
      await expect(service.query('SELECT pg_sleep(0.6)')).rejects.toThrow(
        /statement timeout/,
      );
    } finally {
      await service.destroy();
    }
  });
});
