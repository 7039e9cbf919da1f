import type { DataSource } from 'typeorm';
import { poolOf } from './pg-internals';

/**
 * One read statement on the connection pool TypeORM already holds, without
 * TypeORM's query runner around it (a runner object, a pool checkout and
 * release of its own, result wrapping). Used on the two statements every
 * busy request runs: the token's user and (through readValues) the invite
 * list. Errors are node-postgres's own; isDatabaseUnavailable recognises
 * them as it does TypeORM's. Writes and transactions stay with TypeORM.
 * Text and values go as two arguments: pg copies a query given as one
 * config object (readValues needs one for its row mode).
 */
export async function readRows<Row>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  const result = await poolOf(dataSource).query(sql, parameters);
  return result.rows as Row[];
}

/**
 * readRows with each row as an array of its values in column order (pg's
 * array row mode): for many rows, no object per row.
 */
export async function readValues<Values extends unknown[]>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<Values[]> {
  const result = await poolOf(dataSource).query<Values>({
    text: sql,
    values: parameters,
    rowMode: 'array',
  });
  return result.rows;
}
