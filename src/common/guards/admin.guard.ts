import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_ADMIN_KEY } from '../decorators/admin.decorator';
import { NotAdministratorError } from '../errors/domain-error';

/**
 * Runs after the JwtAuthGuard, so `request.user` is the user's current row:
 * an administrator demoted a second ago is refused on this request.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const requiresAdministrator = this.reflector.getAllAndOverride<boolean>(
      IS_ADMIN_KEY,
      [context.getHandler(), context.getClass()],
    );
    if (!requiresAdministrator) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ user?: { administrator?: boolean } }>();
    if (request.user?.administrator !== true) throw new NotAdministratorError();
    return true;
  }
}
