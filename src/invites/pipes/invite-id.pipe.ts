import { Injectable, PipeTransform } from '@nestjs/common';
import { INT4_MAX } from '../../database/postgres-int';
import { InviteNotFoundError } from '../invites.errors';

/**
 * `:id` as the invite's id. Anything that cannot be one (`abc`, `1.5`, `0`,
 * beyond the int column) names no invite: 404 `invite not found`, as an
 * unknown id does, never a 400 or a database error.
 */
@Injectable()
export class InviteIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value)) throw new InviteNotFoundError();
    const id = Number(value);
    if (id < 1 || id > INT4_MAX) throw new InviteNotFoundError();
    return id;
  }
}
