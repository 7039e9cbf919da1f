import { PipeTransform } from '@nestjs/common';
import { INT4_MAX } from '../../database/postgres-int';

/**
 * `:id` as a row's id, written in plain decimal digits. Anything that
 * cannot be one (`abc`, `1.5`, `1e1`, `0x2`, `0`, beyond the int column)
 * names no row: the route's own 404, as an unknown id gets, never a 400
 * or a database error.
 */
export class RowIdPipe implements PipeTransform<string, number> {
  constructor(private readonly notFound: () => Error) {}

  transform(value: string): number {
    if (typeof value !== 'string' || !/^\d{1,10}$/.test(value))
      throw this.notFound();
    const id = Number(value);
    if (id < 1 || id > INT4_MAX) throw this.notFound();
    return id;
  }
}
