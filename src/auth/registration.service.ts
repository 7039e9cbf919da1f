import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../audit/request-context';
import { ChangeFeed } from '../changes/change-feed';
import type { AppConfig } from '../config/configuration';
import { InvalidInviteCodeError } from '../invites/invites.errors';
import { InvitesService } from '../invites/invites.service';
import { PasswordHasher } from '../users/password-hasher';
import { toUserResponse } from '../users/user-response';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { RegisterDto } from './dto/register.dto';
import { SessionResponse } from './dto/session-response.dto';

@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invites: InvitesService,
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly auth: AuthService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly changes: ChangeFeed,
  ) {}

  /**
   * Creates a (never administrator) user. While invites are enabled a code
   * is required, and consuming one of its uses and inserting the user are
   * one transaction: if the insert fails (the username is taken), the use
   * is given back by the rollback. The password is hashed before the
   * transaction opens, so the invite's row is locked only for two statements,
   * and only for a code that could be redeemed: a flood of wrong codes costs
   * a read each, not an argon2 hash.
   */
  async register(
    body: RegisterDto,
    context: RequestContext,
  ): Promise<SessionResponse> {
    const requiresInvite = this.config.get('invites', { infer: true }).enabled;
    const code = requiresInvite ? inviteCodeOf(body) : null;
    if (code !== null && !(await this.invites.isRedeemable(code))) {
      throw new InvalidInviteCodeError();
    }
    const passwordHash = await this.passwords.hash(body.password);

    const user = await this.dataSource.transaction(async (manager) => {
      const invite =
        code === null ? null : await this.invites.redeem(code, manager);
      const created = await this.users.insert(
        { username: body.username, passwordHash, inviteId: invite?.id ?? null },
        manager,
      );
      await this.changes.userRegistered(
        manager,
        context,
        toUserResponse(created),
        invite,
      );
      return created;
    });
    return this.auth.startSession(user);
  }
}

/** @throws InvalidInviteCodeError when the body has no code, or no text for one. */
function inviteCodeOf(body: RegisterDto): string {
  if (typeof body.code !== 'string' || body.code === '')
    throw new InvalidInviteCodeError();
  return body.code;
}
