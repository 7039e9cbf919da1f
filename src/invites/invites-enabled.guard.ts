import { CanActivate, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { InvitesDisabledError } from './invites.errors';

/**
 * The INVITES_ENABLED feature flag for the invite routes and the public
 * lookup. (Registration reads the same flag for another question, whether a
 * code is required: registration-open.guard.ts and registration.service.ts.)
 * As a controller guard it runs after the global authentication (401) and
 * administrator (403) guards and before any input validation, which is the
 * order API.md prescribes.
 */
@Injectable()
export class InvitesEnabledGuard implements CanActivate {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  canActivate(): boolean {
    if (!this.config.get('invites', { infer: true }).enabled) {
      throw new InvitesDisabledError();
    }
    return true;
  }
}
