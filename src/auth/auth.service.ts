import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import type { RequestContext } from '../audit/request-context';
import { toUserResponse } from '../users/user-response';
import type { User } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { InvalidCredentialsError } from './auth.errors';
import { SessionResponse } from './dto/session-response.dto';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * One message and (through the decoy hash) one cost for an unknown user
   * and a wrong password, so neither reveals which usernames exist.
   */
  async login(
    username: string,
    password: string,
    context: RequestContext,
  ): Promise<SessionResponse> {
    this.passwords.assertRoom();
    const user = await this.users.findForLogin(username);
    const valid = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyDecoy(password);
    // A disabled account gets the answer of a wrong password: the same
    // message and cost, so it reveals nothing (API.md leaves this open).
    const target = { type: 'user', id: user?.id ?? null };
    if (!user || !valid || user.disabledAt !== null) {
      await this.audit.record(this.dataSource.manager, context, {
        action: 'user.login_failed',
        actor: { userId: null },
        target,
      });
      throw new InvalidCredentialsError();
    }
    await this.audit.record(this.dataSource.manager, context, {
      action: 'user.login',
      actor: { userId: user.id },
      target,
    });
    return this.startSession(user);
  }

  /** Ends every session of the user: tokens issued so far stop working. */
  async logout(user: User, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.users.revokeSessions(user.id, manager);
      await this.audit.record(manager, context, {
        action: 'user.logout',
        target: { type: 'user', id: user.id },
      });
    });
  }

  async startSession(user: User): Promise<SessionResponse> {
    const token = await this.jwt.signAsync({
      sub: user.id,
      ver: user.tokenVersion,
    });
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return {
      token,
      expiresAt: new Date(exp * 1000).toISOString(),
      user: toUserResponse(user),
    };
  }
}
