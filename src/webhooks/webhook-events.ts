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
 * An event whose data is an invite's row, as a batch's statement records it
 * (see EventOutbox.invitesPerRow); the fan-out renders it as the Invite.
 */
export interface InviteRowEvent extends Omit<OutboxEvent, 'data'> {
  invite: InviteRow;
}

/** One per committed change that emitted events: expanded into deliveries off the request path. */
export interface FanoutJob {
  events: Array<OutboxEvent | InviteRowEvent>;
  firstAt: number;
}

export interface DeliveryJob {
  webhookId: number;
  event: OutboxEvent;
  attempt: number;
  /** Epoch ms of the first attempt's schedule: retries stop 24 h after it. */
  firstAt: number;
}
