import type { PoolClient } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * One statement on the manager's query runner (its transaction's, else one
 * of its own), each row read as an array of its values in column order (pg's
 * array row mode, which TypeORM's query() cannot ask for): for a batch of
 * rows, no object per row. The runner's connection is TypeORM's public
 * QueryRunner.connect(); errors come back as QueryFailedError, as query()
 * throws them.
 */
export async function queryValues<Values extends unknown[]>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Values[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    try {
      const result = await client.query<Values>({
        text: sql,
        values: parameters,
        rowMode: 'array',
      });
      return result.rows;
    } catch (error) {
      throw new QueryFailedError(sql, parameters, error as Error);
    }
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
