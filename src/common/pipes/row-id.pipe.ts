import { PipeTransform } from '@nestjs/common';
import { INT4_MAX } from '../../database/postgres-int';

/**
 * `value` as a row's id, written in plain decimal digits; undefined for
 * anything that cannot be one (`abc`, `1.5`, `1e1`, `0x2`, `0`, beyond the
 * int column).
 */
export function parseRowId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id < 1 || id > INT4_MAX ? undefined : id;
}

/**
 * `:id` as a row's id. Anything that cannot be one names no row: the
 * route's own 404, as an unknown id gets, never a 400 or a database error.
 */
export class RowIdPipe implements PipeTransform<string, number> {
  constructor(private readonly notFound: () => Error) {}

  transform(value: string): number {
    const id = parseRowId(value);
    if (id === undefined) throw this.notFound();
    return id;
  }
}
