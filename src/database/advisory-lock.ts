import type { DataSource } from 'typeorm';

/**
 * Runs `work` while this process holds a PostgreSQL advisory lock, so that
 * of several instances starting together exactly one does it at a time.
 * The lock is held by one pooled session; `work` may use other connections.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await lockRunner
      .query('SELECT pg_advisory_unlock($1)', [key])
      .catch(() => undefined); // the session ending releases it anyway
    await lockRunner.release();
  }
}
