import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import {
  REQUIRED_SCOPE_KEY,
  type RequiredScopeValue,
  scopeAllows,
} from './api-key-scopes';
import { InsufficientScopeError } from './api-keys.errors';
import type { CredentialedRequest } from './credentials.guard';

/**
 * After the AdminGuard: a request made with an API key may reach only the
 * routes marked @RequiredScope(…) that its scopes cover (403 `insufficient
 * scope`). Tokens are not concerned.
 */
@Injectable()
export class ApiKeyScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<CredentialedRequest>();
    if (!request.apiKey) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets))
      return true;
    const required = this.reflector.getAllAndOverride<
      RequiredScopeValue | undefined
    >(REQUIRED_SCOPE_KEY, targets);
    if (!scopeAllows(required, request.method, request.apiKey.scopes))
      throw new InsufficientScopeError();
    return true;
  }
}
