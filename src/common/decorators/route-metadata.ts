import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * One metadata key of a route (the handler's value over its controller's),
 * read from the decorators once per route: guards ask on every request,
 * and reflect-metadata walks prototype chains to answer.
 */
export class RouteMetadata<T> {
  private readonly values = new WeakMap<object, { owner: object; value?: T }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const owner = context.getClass();
    const known = this.values.get(handler);
    // A handler inherited by another controller may carry other metadata.
    if (known?.owner === owner) return known.value;
    const value = this.reflector.getAllAndOverride<T | undefined>(this.key, [
      handler,
      owner,
    ]);
    this.values.set(handler, { owner, value });
    return value;
  }
}
