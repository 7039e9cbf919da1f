import { INVITE_EXAMPLE, INVITE_KEYS } from '../invites/invite-response';
import { toUserResponse, USER_KEYS } from '../users/user-response';
import { User } from '../users/user.entity';
import { eventPayload } from './event-payload';
import type { OutboxEvent } from './webhook-events';

/** Keys in jsonb's order (shorter first, then bytewise), as a stored job has them. */
function asJsonb<T extends object>(value: T): T {
  const keys = Object.keys(value).sort(
    (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return Object.fromEntries(
    keys.map((key) => {
      const field = (value as Record<string, unknown>)[key];
      return [
        key,
        field !== null && typeof field === 'object' ? asJsonb(field) : field,
      ];
    }),
  ) as T;
}

const USER = toUserResponse(
  Object.assign(new User(), {
    id: 7,
    username: 'alice',
    administrator: false,
    createdAt: new Date('2030-01-01T00:00:00.000Z'),
    inviteId: INVITE_EXAMPLE.id,
  }),
);

const event = (type: OutboxEvent['type'], data: object): OutboxEvent =>
  asJsonb({ id: 'msg_1', type, createdAt: '2030-01-01T00:00:00.000Z', data });

describe('eventPayload', () => {
  it("writes an invite event's data in the Invite's key order, values unchanged", () => {
    const stored = event('invite.updated', INVITE_EXAMPLE);
    expect(Object.keys(stored.data)).not.toEqual(INVITE_KEYS);
    const body = eventPayload(stored);
    expect(body).toBe(
      JSON.stringify({
        id: 'msg_1',
        type: 'invite.updated',
        createdAt: '2030-01-01T00:00:00.000Z',
        data: INVITE_EXAMPLE,
      }),
    );
  });

  it('writes a registration with the User and the Invite each in their key order', () => {
    expect(Object.keys(USER)).toEqual(USER_KEYS);
    const registered = eventPayload(
      event('user.registered', { user: USER, invite: INVITE_EXAMPLE }),
    );
    expect(registered).toContain(
      `"data":${JSON.stringify({ user: USER, invite: INVITE_EXAMPLE })}`,
    );
    const redeemed = eventPayload(
      event('invite.redeemed', { invite: INVITE_EXAMPLE, user: USER }),
    );
    expect(redeemed).toContain(
      `"data":${JSON.stringify({ invite: INVITE_EXAMPLE, user: USER })}`,
    );
    const open = eventPayload(
      event('user.registered', { user: USER, invite: null }),
    );
    expect(open).toContain(
      `"data":${JSON.stringify({ user: USER, invite: null })}`,
    );
  });
});
