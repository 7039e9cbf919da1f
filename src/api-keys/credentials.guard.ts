import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingHttpHeaders } from 'node:http';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { tokenOf } from '../auth/token-extractor';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { RouteMetadata } from '../common/decorators/route-metadata';
import { NotLoggedInError } from '../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { looksLikeApiKey } from './api-key-secret';
import { ApiKeysService, type AuthenticatedKey } from './api-keys.service';
import { requestOf } from '../common/http-context';

export interface CredentialedRequest {
  headers: IncomingHttpHeaders;
  method: string;
  user?: User;
  /** Set when the request authenticated with an API key rather than a token. */
  apiKey?: AuthenticatedKey;
}

/**
 * Who are you (401), for both kinds of credential: an `isk_` bearer is an
 * API key and is checked here; anything else goes to the JwtAuthGuard
 * unchanged. Either way `request.user` is the acting user's current row.
 */
@Injectable()
export class CredentialsGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly jwt: JwtAuthGuard,
    private readonly keys: ApiKeysService,
  ) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC_KEY);
  }

  canActivate(
    context: ExecutionContext,
  ): ReturnType<JwtAuthGuard['canActivate']> {
    const request = requestOf<CredentialedRequest>(context);
    const token = tokenOf(request);
    // The token guard's answer as it is: no await of our own on every request.
    if (token === null || !looksLikeApiKey(token)) {
      return this.jwt.canActivate(context);
    }
    if (this.isPublic.of(context)) return true;
    return this.authenticateKey(request, token);
  }

  private async authenticateKey(
    request: CredentialedRequest,
    token: string,
  ): Promise<boolean> {
    const authenticated = await this.keys.authenticate(token);
    if (!authenticated) throw new NotLoggedInError();
    request.user = authenticated.user;
    request.apiKey = authenticated.key;
    return true;
  }
}
