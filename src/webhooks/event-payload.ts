import { INVITE_KEYS } from '../invites/invite-response';
import { USER_KEYS } from '../users/user-response';
import type { OutboxEvent } from './webhook-events';

/**
 * The body of a delivery, its data in the API's key order. Jobs are stored
 * as jsonb, which reorders an object's keys, so the order is rebuilt here
 * from the shapes each event type carries.
 */
export function eventPayload(event: OutboxEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.createdAt,
    data: dataInOrder(event),
  });
}

type Fields = Record<string, unknown>;

function dataInOrder({ type, data }: OutboxEvent): Fields | null {
  const fields = data as Fields;
  switch (type) {
    case 'invite.redeemed':
      return {
        invite: inOrder(fields.invite, INVITE_KEYS),
        user: inOrder(fields.user, USER_KEYS),
      };
    case 'user.registered':
      return {
        user: inOrder(fields.user, USER_KEYS),
        invite: inOrder(fields.invite, INVITE_KEYS),
      };
    default:
      return inOrder(fields, INVITE_KEYS);
  }
}

function inOrder(value: unknown, keys: readonly string[]): Fields | null {
  if (value === null || typeof value !== 'object') return null;
  const fields = value as Fields;
  return Object.fromEntries(keys.map((key) => [key, fields[key]]));
}
