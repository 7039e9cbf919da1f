import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import type { InviteResponse } from '../invites/invite-response';
import { Metrics } from '../metrics/metrics.service';
import type { UserResponse } from '../users/user-response';
import { EventOutbox } from '../webhooks/event-outbox';

type InviteChange = 'updated' | 'revoked' | 'unrevoked' | 'deleted';

/**
 * The one call a service makes after a change, inside its transaction: the
 * audit entries and the webhook events commit (or roll back) with it, and
 * the business counters move. Services need no knowledge of the three.
 */
@Injectable()
export class ChangeFeed {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
    private readonly metrics: Metrics,
  ) {}

  async invitesCreated(
    manager: EntityManager,
    invites: InviteResponse[],
  ): Promise<void> {
    await this.audit.record(
      manager,
      ...invites.map((invite) => ({
        action: 'invite.created' as const,
        target: { type: 'invite', id: invite.id },
      })),
    );
    await this.outbox.record(
      manager,
      invites.map((invite) => ({ type: 'invite.created', data: invite })),
    );
    this.metrics.invitesCreated.inc(invites.length);
  }

  async inviteChanged(
    manager: EntityManager,
    change: InviteChange,
    invite: InviteResponse,
  ): Promise<void> {
    await this.audit.record(manager, {
      action: `invite.${change}`,
      target: { type: 'invite', id: invite.id },
    });
    await this.outbox.record(manager, [
      { type: `invite.${change}`, data: invite },
    ]);
    if (change === 'revoked') this.metrics.invitesRevoked.inc();
  }

  /** `invite`: the invite it redeemed (after the use was counted), if any. */
  async userRegistered(
    manager: EntityManager,
    user: UserResponse,
    invite: { id: number } | null,
  ): Promise<void> {
    await this.audit.record(manager, {
      action: 'user.registered',
      target: { type: 'user', id: user.id },
      actor: { userId: user.id },
    });
    await this.outbox.record(manager, [
      ...(invite
        ? [{ type: 'invite.redeemed' as const, data: { invite, user } }]
        : []),
      { type: 'user.registered', data: { user, invite } },
    ]);
    this.metrics.registrations.inc();
    if (invite) this.metrics.invitesRedeemed.inc();
  }
}
