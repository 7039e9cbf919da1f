import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { RouteMetadata } from '../common/decorators/route-metadata';
import { DomainError, NotLoggedInError } from '../common/errors/domain-error';
import { credentialsViewOf, type Credentialed } from './token-extractor';
import { requestOf, responseOf } from '../common/http-context';

/**
 * Global: every route needs a valid token unless marked @Public(). Every
 * failure (no token, bad signature, expired, unknown user) is the same 401
 * `not logged in`, so the answer tells an attacker nothing.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(reflector: Reflector) {
    super();
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC_KEY);
  }

  canActivate(context: ExecutionContext) {
    return this.isPublic.of(context) ? true : super.canActivate(context);
  }

  /**
   * Passport writes its session helpers (login, logout, …), of no use to a
   * stateless API, onto the request it is given: it gets a view with the
   * credentials alone, and handleRequest puts the user on the real request.
   */
  getRequest(context: ExecutionContext): Credentialed {
    return credentialsViewOf(requestOf<Credentialed>(context));
  }

  getResponse(context: ExecutionContext): unknown {
    return responseOf(context);
  }

  handleRequest<TUser>(
    error: unknown,
    user: TUser | false,
    _info: unknown,
    context: ExecutionContext,
  ): TUser {
    // A database outage while loading the user must surface as 503, not 401.
    if (error && !(error instanceof DomainError)) throw error as Error;
    if (error || !user) throw new NotLoggedInError();
    requestOf<{ user?: TUser }>(context).user = user;
    return user;
  }
}
