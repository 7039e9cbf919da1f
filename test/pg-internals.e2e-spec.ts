import { Pool } from 'pg';
import { destroyConnection, poolOf } from '../src/database/pg-internals';
import { createApp, TestApp } from './helpers/create-app';

/** The internals the watchdog relies on, on the real TypeORM and pg in use. */
describe('pg internals on a running app (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp();
  });

  afterAll(() => t.close());

  it("finds TypeORM's pg Pool, and a destroyed connection fails its query and leaves the pool", async () => {
    const pool = poolOf(t.dataSource);
    expect(pool).toBeInstanceOf(Pool);
    const client = await pool.connect();
    // As TypeORM's query runners and pool.query() do.
    client.on('error', () => undefined);
    const query = client.query('SELECT pg_sleep(5)');
    destroyConnection(client);
    await expect(query).rejects.toThrow();
    client.release(true);
    await expect(t.dataSource.query('SELECT 1 AS one')).resolves.toEqual([
      { one: 1 },
    ]);
  });
});
