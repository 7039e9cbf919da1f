import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_ADMIN_KEY } from '../decorators/admin.decorator';
import { RouteMetadata } from '../decorators/route-metadata';
import { NotAdministratorError } from '../errors/domain-error';
import { requestOf } from '../http-context';

/**
 * Runs after the JwtAuthGuard, so `request.user` is the user's current row:
 * an administrator demoted a second ago is refused on this request.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly requiresAdministrator: RouteMetadata<boolean>;

  constructor(reflector: Reflector) {
    this.requiresAdministrator = new RouteMetadata(reflector, IS_ADMIN_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.requiresAdministrator.of(context)) return true;
    const request = requestOf<{ user?: { administrator?: boolean } }>(context);
    if (request.user?.administrator !== true) throw new NotAdministratorError();
    return true;
  }
}
