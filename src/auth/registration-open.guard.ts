import { CanActivate, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { RegistrationDisabledError } from './auth.errors';

/**
 * Registration is open while invites are enabled (with a code) or while
 * USER_REGISTRATION_ENABLED is set. A guard, so a closed service says so
 * before judging the body.
 */
@Injectable()
export class RegistrationOpenGuard implements CanActivate {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  canActivate(): boolean {
    const invitesEnabled = this.config.get('invites', { infer: true }).enabled;
    const openRegistration = this.config.get('auth', {
      infer: true,
    }).registrationEnabled;
    if (!invitesEnabled && !openRegistration)
      throw new RegistrationDisabledError();
    return true;
  }
}
