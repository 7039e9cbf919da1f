import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Admin } from '../decorators/admin.decorator';
import { NotAdministratorError } from '../errors/domain-error';
import { AdminGuard } from './admin.guard';

class Routes {
  @Admin()
  adminOnly(): void {}

  open(): void {}
}

@Admin()
class AdminController {
  anything(): void {}
}

function contextFor(
  controller: new () => object,
  handler: string,
  user?: { administrator: boolean },
): ExecutionContext {
  const prototype = controller.prototype as Record<string, () => void>;
  return new ExecutionContextHost(
    [{ user }, {}],
    controller,
    prototype[handler],
  );
}

describe('AdminGuard', () => {
  const guard = new AdminGuard(new Reflector());

  it('lets anyone through a route without @Admin()', () => {
    expect(guard.canActivate(contextFor(Routes, 'open'))).toBe(true);
    expect(
      guard.canActivate(contextFor(Routes, 'open', { administrator: false })),
    ).toBe(true);
  });

  it('lets an administrator through an @Admin() route', () => {
    expect(
      guard.canActivate(
        contextFor(Routes, 'adminOnly', { administrator: true }),
      ),
    ).toBe(true);
  });

  it('refuses a regular user with NotAdministratorError', () => {
    expect(() =>
      guard.canActivate(
        contextFor(Routes, 'adminOnly', { administrator: false }),
      ),
    ).toThrow(NotAdministratorError);
  });

  it('refuses a request without a user (never reached in practice: the JWT guard runs first)', () => {
    expect(() => guard.canActivate(contextFor(Routes, 'adminOnly'))).toThrow(
      NotAdministratorError,
    );
  });

  it('applies @Admin() on a controller to all its handlers', () => {
    expect(() =>
      guard.canActivate(
        contextFor(AdminController, 'anything', { administrator: false }),
      ),
    ).toThrow(NotAdministratorError);
    expect(
      guard.canActivate(
        contextFor(AdminController, 'anything', { administrator: true }),
      ),
    ).toBe(true);
  });
});
