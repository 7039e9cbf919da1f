import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/configuration';
import { NotLoggedInError } from '../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { tokenOf } from './token-extractor';
import { INT4_MAX } from '../database/postgres-int';

export interface JwtPayload {
  sub: unknown;
  /** The user's token_version when the token was issued. */
  ver?: unknown;
  iat?: number;
  exp?: number;
}

/**
 * Verifies HS256 tokens only (so `alg: none` and algorithm confusion fail
 * before any claim is read), with our `iss` and `aud`, then loads the user's
 * current row: a deleted or disabled user is refused, and so is a token
 * whose `ver` is older than the row's token_version (logout, password
 * change, demotion). The version rides on the row the request reads anyway.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly users: UsersService,
  ) {
    const auth = config.get('auth', { infer: true });
    super({
      jwtFromRequest: tokenOf,
      // A KeyObject rather than the string: given a string, jsonwebtoken
      // first tries to read it as a PEM public key on every request, which
      // was the largest single CPU cost of an authenticated request.
      secretOrKey: createSecretKey(
        Buffer.from(auth.jwtSecret),
      ) as unknown as string,
      algorithms: ['HS256'],
      issuer: auth.jwtIssuer,
      audience: auth.jwtIssuer,
      ignoreExpiration: false,
    });
  }

  async validate(payload: JwtPayload): Promise<User> {
    const id = Number(payload.sub);
    if (typeof payload.sub !== 'number' && typeof payload.sub !== 'string') {
      throw new NotLoggedInError();
    }
    if (
      !Number.isSafeInteger(id) ||
      id <= 0 ||
      id > INT4_MAX ||
      String(id) !== String(payload.sub)
    ) {
      throw new NotLoggedInError();
    }
    // token_version counts up from 0 in an int4: no other version can match,
    // and one beyond the int4 range would be an error in PostgreSQL.
    const version = payload.ver;
    if (
      typeof version !== 'number' ||
      !Number.isSafeInteger(version) ||
      version < 0 ||
      version > INT4_MAX
    ) {
      throw new NotLoggedInError();
    }
    // jsonwebtoken checks exp only when present; a token without one
    // would never expire.
    if (typeof payload.exp !== 'number') throw new NotLoggedInError();
    const user = await this.users.findSignedIn(id, version);
    if (!user) throw new NotLoggedInError();
    return user;
  }
}
