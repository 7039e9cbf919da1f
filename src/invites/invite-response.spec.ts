import { compileJson } from '../http/fast-json-response';
import {
  INVITE_EXAMPLE,
  INVITE_JSON_SCHEMA,
  InviteRow,
  toInviteResponse,
} from './invite-response';

describe('invite response', () => {
  it('declares for the serializer every key of InviteResponse, in the wire order, all required', () => {
    const keys = Object.keys(INVITE_EXAMPLE);
    expect(Object.keys(INVITE_JSON_SCHEMA.properties)).toEqual(keys);
    expect([...INVITE_JSON_SCHEMA.required]).toEqual(keys);
  });

  it('turns a row of PostgreSQL text into the seed model and the extension, keys in order', () => {
    const row: InviteRow = {
      id: 35,
      code: 'ix8iFD',
      created_at: '2022-11-11 03:34:25.532+00',
      expires_at: '2023-01-01 00:00:00+00',
      uses: 1,
      max_uses: 1,
      created_by_id: 1,
      note: 'for Bob',
      revoked_at: '2022-11-12 00:00:00.1+00',
      last_used_at: '2022-11-11 04:00:00.123456+00',
      valid: false,
    };
    const invite = toInviteResponse(row, 'https://example.com/invite/');
    expect(invite).toEqual({
      ...INVITE_EXAMPLE,
      expiresAt: '2023-01-01T00:00:00.000Z',
      used: true,
      uses: 1,
      note: 'for Bob',
      revokedAt: '2022-11-12T00:00:00.100Z',
      lastUsedAt: '2022-11-11T04:00:00.123Z',
      valid: false,
      url: 'https://example.com/invite/ix8iFD',
    });
    expect(Object.keys(invite)).toEqual(Object.keys(INVITE_EXAMPLE));
  });

  it('is written by the compiled serializers (one, many) exactly as JSON.stringify writes it', () => {
    const serialize = compileJson<unknown>({
      type: 'array',
      items: INVITE_JSON_SCHEMA,
    });
    const invites = [
      INVITE_EXAMPLE,
      {
        ...INVITE_EXAMPLE,
        code: 'q"\\\u0001é',
        expiresAt: '+010000-01-01T00:00:00.000Z',
        note: 'line\nbreak "quoted" \ud83d\ude00',
        revokedAt: '2022-11-12T00:00:00.100Z',
        lastUsedAt: '2022-11-11T04:00:00.123Z',
        maxUses: null,
        url: `https://example.com/${'x'.repeat(60)}/invite/"`,
      },
    ];
    expect(serialize(invites)).toBe(JSON.stringify(invites));
    const serializeOne = compileJson<unknown>(INVITE_JSON_SCHEMA);
    expect(serializeOne(invites[1])).toBe(JSON.stringify(invites[1]));
  });
});
