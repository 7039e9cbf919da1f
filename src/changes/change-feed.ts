import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import type { RequestContext } from '../audit/request-context';
import type { SqlParams } from '../database/sql-params';
import type { InviteResponse } from '../invites/invite-response';
import { Metrics } from '../metrics/metrics.service';
import type { UserResponse } from '../users/user-response';
import { EventOutbox } from '../webhooks/event-outbox';

type InviteChange = 'updated' | 'revoked' | 'unrevoked' | 'deleted';

/**
 * What a service calls with each change: the audit entries and the webhook
 * events commit (or roll back) with it, and the business counters move.
 * Services need no knowledge of the three.
 */
@Injectable()
export class ChangeFeed {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
    private readonly metrics: Metrics,
  ) {}

  /**
   * CTEs to append to the statement that inserts a batch of invites, so the
   * batch, its audit entries and its `invite.created` events are one
   * statement: `source` names the CTE returning the new InviteRows.
   */
  invitesCreatedSql(
    source: string,
    context: RequestContext,
    params: SqlParams,
  ): string {
    const audited = this.audit.insertPerRow(
      source,
      'invite.created',
      'invite',
      context,
      params,
    );
    const announced = this.outbox.invitesCreatedSql(source, params);
    return `, ${source}_audited AS (${audited}), ${source}_announced AS (${announced})`;
  }

  /** Once the batch's statement has succeeded. */
  invitesCreated(count: number): void {
    this.metrics.invitesCreated.inc(count);
  }

  /** One audit entry and one event per invite, as the invites are after the change. */
  async invitesChanged(
    manager: EntityManager,
    context: RequestContext,
    change: InviteChange,
    invites: InviteResponse[],
  ): Promise<void> {
    if (invites.length === 0) return;
    await this.audit.record(
      manager,
      context,
      ...invites.map((invite) => ({
        action: `invite.${change}` as const,
        target: { type: 'invite', id: invite.id },
      })),
    );
    await this.outbox.record(
      manager,
      invites.map((invite) => ({
        type: `invite.${change}` as const,
        data: invite,
      })),
    );
    if (change === 'revoked') this.metrics.invitesRevoked.inc(invites.length);
  }

  /** `invite`: the invite it redeemed (after the use was counted), if any. */
  async userRegistered(
    manager: EntityManager,
    context: RequestContext,
    user: UserResponse,
    invite: InviteResponse | null,
  ): Promise<void> {
    await this.audit.record(manager, context, {
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
