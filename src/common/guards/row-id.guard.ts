import { CanActivate, ExecutionContext } from '@nestjs/common';
import { parseRowId } from '../pipes/row-id.pipe';
import { requestOf } from '../http-context';

/**
 * The route's 404 for an `:id` that cannot be a row's id, before any pipe
 * reads the body: Nest runs a route's parameter pipes side by side, so on a
 * route that takes both, a broken body would otherwise be refused first,
 * and docs/api.md checks the id before the body.
 */
export class RowIdGuard implements CanActivate {
  constructor(private readonly notFound: () => Error) {}

  canActivate(context: ExecutionContext): boolean {
    const request = requestOf<{ params?: Record<string, unknown> }>(context);
    if (parseRowId(request.params?.id) === undefined) throw this.notFound();
    return true;
  }
}
