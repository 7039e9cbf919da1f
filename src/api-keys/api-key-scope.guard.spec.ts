import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { REQUIRED_SCOPE_KEY, scopeAllows } from './api-key-scopes';
import { ApiKeyScopeGuard } from './api-key-scope.guard';

function contextFor(
  request: object,
  metadata: Record<string, unknown>,
): ExecutionContext {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) {
    Reflect.defineMetadata(key, value, handler);
  }
  return new ExecutionContextHost([request, {}], class {}, handler);
}

describe('ApiKeyScopeGuard', () => {
  const guard = new ApiKeyScopeGuard(new Reflector());

  it('lets requests without an API key through, whatever the route', () => {
    expect(guard.canActivate(contextFor({ method: 'GET' }, {}))).toBe(true);
  });

  it('refuses a key on a route without @RequiredScope with insufficient scope', () => {
    const request = {
      method: 'GET',
      apiKey: { id: 1, scopes: ['invites:write'] },
    };
    expect(() => guard.canActivate(contextFor(request, {}))).toThrow(
      'insufficient scope',
    );
  });

  it('lets a key through to a @Public() route', () => {
    const request = { method: 'POST', apiKey: { id: 1, scopes: [] } };
    expect(
      guard.canActivate(contextFor(request, { [IS_PUBLIC_KEY]: true })),
    ).toBe(true);
  });

  it('applies the route scope to the key', () => {
    const request = {
      method: 'POST',
      apiKey: { id: 1, scopes: ['invites:read'] },
    };
    expect(() =>
      guard.canActivate(
        contextFor(request, { [REQUIRED_SCOPE_KEY]: 'invites' }),
      ),
    ).toThrow('insufficient scope');
  });
});

describe('scopeAllows', () => {
  it.each([
    ['invites', 'GET', ['invites:read'], true],
    ['invites', 'HEAD', ['invites:read'], true],
    ['invites', 'GET', ['invites:write'], true],
    ['invites', 'POST', ['invites:read'], false],
    ['invites', 'DELETE', ['invites:write'], true],
    ['invites', 'PATCH', ['users:read'], false],
    ['users:read', 'GET', ['users:read'], true],
    ['users:read', 'GET', ['invites:write'], true],
    ['users:read', 'GET', ['invites:read'], false],
    ['invites:read', 'GET', ['invites:write'], true],
    [undefined, 'GET', ['invites:read', 'invites:write', 'users:read'], false],
  ] as const)('%s %s with %j → %s', (required, method, granted, expected) => {
    expect(scopeAllows(required, method, granted)).toBe(expected);
  });
});
