import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { sign } from 'jsonwebtoken';
import passport from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { NotLoggedInError } from '../common/errors/domain-error';
import { JwtAuthGuard } from './jwt-auth.guard';

const SECRET = 'jwt-auth-guard-spec-secret';
const USER = { id: 7, username: 'alice' };

class Routes {
  handler(): void {}
}

function contextFor(request: object): ExecutionContext {
  return new ExecutionContextHost(
    [request, {}],
    Routes,
    Routes.prototype.handler,
  );
}

describe('JwtAuthGuard', () => {
  const guard = new JwtAuthGuard(new Reflector());

  beforeAll(() => {
    // The real passport-jwt strategy, with a verify step that finds USER.
    passport.use(
      'jwt',
      new Strategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          secretOrKey: SECRET,
          algorithms: ['HS256'],
        },
        (payload: { sub: number }, done) =>
          done(null, payload.sub === USER.id ? USER : false),
      ),
    );
  });

  afterAll(() => passport.unuse('jwt'));

  it('puts the user on the request, and nothing of passport’s', async () => {
    const token = sign({ sub: USER.id }, SECRET, { algorithm: 'HS256' });
    const request: Record<string, unknown> = {
      headers: { authorization: `Bearer ${token}` },
    };

    await expect(guard.canActivate(contextFor(request))).resolves.toBe(true);

    expect(request.user).toBe(USER);
    // Passport's session helpers went to the view it was given.
    expect(Object.keys(request).sort()).toEqual(['headers', 'user']);
  });

  it('refuses a bad token with `not logged in`, leaving no user', async () => {
    const token = sign({ sub: USER.id }, 'another secret');
    const request: Record<string, unknown> = {
      headers: { authorization: `Bearer ${token}` },
    };

    await expect(guard.canActivate(contextFor(request))).rejects.toThrow(
      NotLoggedInError,
    );
    expect(request.user).toBeUndefined();
  });

  it('lets an error that is not the client’s through unchanged', () => {
    const outage = new Error('connection refused');
    expect(() =>
      guard.handleRequest(outage, false, undefined, contextFor({})),
    ).toThrow(outage);
  });
});
