import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { RouteMetadata } from '../common/decorators/route-metadata';
import {
  REQUIRED_SCOPE_KEY,
  type RequiredScopeValue,
  scopeAllows,
} from './api-key-scopes';
import { InsufficientScopeError } from './api-keys.errors';
import type { CredentialedRequest } from './credentials.guard';
import { requestOf } from '../common/http-context';

/**
 * After the AdminGuard: a request made with an API key may reach only the
 * routes marked @RequiredScope(…) that its scopes cover (403 `insufficient
 * scope`). Tokens are not concerned.
 */
@Injectable()
export class ApiKeyScopeGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;
  private readonly requiredScope: RouteMetadata<RequiredScopeValue>;

  constructor(reflector: Reflector) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC_KEY);
    this.requiredScope = new RouteMetadata(reflector, REQUIRED_SCOPE_KEY);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = requestOf<CredentialedRequest>(context);
    if (!request.apiKey) return true;
    if (this.isPublic.of(context)) return true;
    const required = this.requiredScope.of(context);
    if (!scopeAllows(required, request.method, request.apiKey.scopes))
      throw new InsufficientScopeError();
    return true;
  }
}
