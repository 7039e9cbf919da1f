import type { InviteRow } from '../invites/invite-response';

export const WEBHOOK_EVENTS = [
  'invite.created',
  'invite.updated',
  'invite.revoked',
  'invite.unrevoked',
  'invite.deleted',
  'invite.redeemed',
  'user.registered',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface NewEvent {
  type: WebhookEventType;
  /** The Invite and/or User, in their API shapes. */
  data: object;
}

/** What a delivery job carries: the event exactly as it will be sent. */
export interface OutboxEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: object;
}

/**
 * A batch of created invites as its statement records it (see
 * EventOutbox.invitesCreatedSql): one row in full and the ids and codes of
 * all, since the rows of one INSERT differ in nothing else. Kept this small
 * because it is written with every batch.
 */
export interface CreatedInvites {
  createdAt: string;
  first: InviteRow;
  ids: number[];
  codes: string[];
}

/** One per committed change that emitted events: expanded into deliveries off the request path. */
export interface FanoutJob {
  events: OutboxEvent[];
  /** One `invite.created` event per invite of the batch. */
  created?: CreatedInvites;
  firstAt: number;
}

export interface DeliveryJob {
  webhookId: number;
  event: OutboxEvent;
  attempt: number;
  /** Epoch ms of the first attempt's schedule: retries stop 24 h after it. */
  firstAt: number;
}
