import { compileJson } from '../http/fast-json-response';
import { User } from './user.entity';
import {
  toUserResponse,
  USER_JSON_SCHEMA,
  USER_KEYS,
  type UserResponse,
} from './user-response';

function user(fields: Partial<User>): User {
  return Object.assign(new User(), {
    id: 7,
    username: 'alice',
    administrator: false,
    createdAt: new Date('2022-11-11T03:40:02.114Z'),
    inviteId: 35,
    tokenVersion: 0,
    disabledAt: null,
    ...fields,
  });
}

describe('user response', () => {
  it('declares for the serializer every key toUserResponse writes, in order, all required', () => {
    const keys = Object.keys(toUserResponse(user({})));
    expect(USER_KEYS).toEqual(keys);
    expect([...USER_JSON_SCHEMA.required]).toEqual(keys);
  });

  it('writes a user, or its response, exactly as JSON.stringify writes the response', () => {
    const serialize = compileJson<User | UserResponse>(USER_JSON_SCHEMA);
    for (const fields of [
      {},
      { administrator: true, inviteId: null },
      { username: 'q"\\\u0001é \ud83d\ude00 \udc00' },
      { username: 'x'.repeat(80), id: 2147483647 },
      { createdAt: new Date('2022-11-11T03:40:02.004Z') },
      { createdAt: new Date('0099-01-02T03:04:05.060Z') },
      { createdAt: new Date('+010000-01-01T00:00:00.000Z') },
      { createdAt: new Date('-000001-12-31T23:59:59.999Z') },
    ]) {
      const body = toUserResponse(user(fields));
      expect(serialize(user(fields))).toBe(JSON.stringify(body));
      expect(serialize(body)).toBe(JSON.stringify(body));
    }
  });
});
