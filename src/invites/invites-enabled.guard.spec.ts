import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { InvitesEnabledGuard } from './invites-enabled.guard';
import { InvitesDisabledError } from './invites.errors';

function guardWith(enabled: boolean): InvitesEnabledGuard {
  const config = new ConfigService({ invites: { enabled } });
  return new InvitesEnabledGuard(
    config as unknown as ConfigService<AppConfig, true>,
  );
}

describe('InvitesEnabledGuard', () => {
  it('passes while INVITES_ENABLED is true', () => {
    expect(guardWith(true).canActivate()).toBe(true);
  });

  it('throws InvitesDisabledError ("invites are disabled") while it is false', () => {
    // The class, not only the message: the filter maps it by its kind.
    expect(() => guardWith(false).canActivate()).toThrow(InvitesDisabledError);
    expect(() => guardWith(false).canActivate()).toThrow(
      'invites are disabled',
    );
  });
});
