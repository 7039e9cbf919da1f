import {
  INVITE_EXAMPLE,
  INVITE_JSON_SCHEMA,
  toInviteResponse,
} from './invite-response';

describe('invite response', () => {
  it('declares for the serializer every key of InviteResponse, in the wire order, all required', () => {
    const keys = Object.keys(INVITE_EXAMPLE);
    expect(Object.keys(INVITE_JSON_SCHEMA.properties)).toEqual(keys);
    expect([...INVITE_JSON_SCHEMA.required]).toEqual(keys);
  });

  it('answers the same whether the row has Dates or PostgreSQL text', () => {
    const row = {
      id: 35,
      code: 'ix8iFD',
      uses: 1,
      max_uses: 1,
      created_by_id: 1,
    };
    const fromDates = toInviteResponse({
      ...row,
      created_at: new Date('2022-11-11T03:34:25.532Z'),
      expires_at: new Date('2023-01-01T00:00:00.000Z'),
    });
    const fromText = toInviteResponse({
      ...row,
      created_at: '2022-11-11 03:34:25.532+00',
      expires_at: '2023-01-01 00:00:00+00',
    });
    expect(fromText).toEqual(fromDates);
    expect(fromText).toEqual({
      ...INVITE_EXAMPLE,
      expiresAt: '2023-01-01T00:00:00.000Z',
      used: true,
      uses: 1,
    });
  });
});
