import { InvalidQueryError } from './invites.errors';
import {
  encodeCursor,
  type ListInvitesQuery,
  MAX_PAGE_SIZE,
  parseListInvitesQuery,
} from './list-invites-query';

// The form PostgreSQL's created_at::text prints, whole-hour offset and all.
const CURSOR = { createdAt: '2030-01-01 00:00:00.123456+00', id: 42 };

describe('parseListInvitesQuery', () => {
  it('reads an empty query as no filter and no paging', () => {
    expect(parseListInvitesQuery({})).toEqual({});
  });

  it.each<[Record<string, unknown>, ListInvitesQuery]>([
    [{ used: 'true' }, { used: true }],
    [{ used: 'false' }, { used: false }],
    [{ expired: 'true' }, { expired: true }],
    [{ expired: 'false' }, { expired: false }],
    [
      { used: 'false', expired: 'true' },
      { used: false, expired: true },
    ],
    [{ limit: '1' }, { limit: 1 }],
    [{ limit: '1000' }, { limit: 1000 }],
    [{ limit: '25' }, { limit: 25 }],
  ])('reads %p as %p', (query, expected) => {
    expect(parseListInvitesQuery(query)).toEqual(expected);
  });

  it('ignores unknown parameters', () => {
    expect(
      parseListInvitesQuery({ _: '1712345678', foo: ['a', 'b'], used: 'true' }),
    ).toEqual({ used: true });
  });

  it.each<[string, Record<string, unknown>]>([
    ['used that is not true or false', { used: 'yes' }],
    ['used in another case', { used: 'TRUE' }],
    ['an empty used', { used: '' }],
    ['a repeated used', { used: ['true', 'false'] }],
    ['expired that is not true or false', { expired: '1' }],
    ['a repeated expired', { expired: ['true', 'true'] }],
    ['a limit of 0', { limit: '0' }],
    ['a limit above the maximum page size', { limit: '1001' }],
    ['a limit that is not a number', { limit: 'abc' }],
    ['a fractional limit', { limit: '1.5' }],
    ['a negative limit', { limit: '-1' }],
    ['an empty limit', { limit: '' }],
    ['a repeated limit', { limit: ['10', '20'] }],
    ['a cursor that is not base64url', { cursor: 'garbage!!' }],
    [
      'a base64url cursor with the wrong content',
      { cursor: Buffer.from('hello|world').toString('base64url') },
    ],
    [
      'a cursor whose id is not a number',
      {
        cursor: Buffer.from('2030-01-01 00:00:00+00|x').toString('base64url'),
      },
    ],
    ['an empty cursor', { cursor: '' }],
    ['a repeated cursor', { cursor: [encodeCursor(CURSOR), 'x'] }],
  ])('rejects %s with InvalidQueryError', (_label, query) => {
    expect(() => parseListInvitesQuery(query)).toThrow(InvalidQueryError);
  });

  describe('cursor', () => {
    it.each([
      ['an id beyond the int column', '2030-01-01 00:00:00+00|9999999999'],
      ['id 0', '2030-01-01 00:00:00+00|0'],
      ['February 31st', '2030-02-31 00:00:00+00|1'],
      ['hour 24', '2030-01-01 24:00:00+00|1'],
      ['an offset beyond PostgreSQL’s ±15:59', '2030-01-01 00:00:00+23|1'],
      ['minutes of offset over 59', '2030-01-01 00:00:00+01:60|1'],
    ])('refuses a forged cursor with %s', (_name, decoded) => {
      const cursor = Buffer.from(decoded).toString('base64url');
      expect(() => parseListInvitesQuery({ cursor })).toThrow(
        InvalidQueryError,
      );
    });

    it('accepts February 29th in a leap year', () => {
      const cursor = Buffer.from('2028-02-29 12:00:00.5+15:59|7').toString(
        'base64url',
      );
      expect(parseListInvitesQuery({ cursor }).cursor).toEqual({
        createdAt: '2028-02-29 12:00:00.5+15:59',
        id: 7,
      });
    });

    it('gives back the cursor it encoded, with the maximum page size by default', () => {
      expect(parseListInvitesQuery({ cursor: encodeCursor(CURSOR) })).toEqual({
        cursor: CURSOR,
        limit: MAX_PAGE_SIZE,
      });
      expect(MAX_PAGE_SIZE).toBe(1000);
    });

    it('keeps a given limit alongside the cursor', () => {
      expect(
        parseListInvitesQuery({ cursor: encodeCursor(CURSOR), limit: '10' }),
      ).toEqual({ cursor: CURSOR, limit: 10 });
    });

    it.each([
      { createdAt: '2030-01-01 00:00:00+00', id: 1 },
      { createdAt: '2029-12-31 23:59:59.999999-05', id: 3 },
      { createdAt: '2030-01-01 00:00:00+00:00', id: 4 },
      { createdAt: '2030-06-01 12:34:56.7+02:00', id: 2147483647 },
      { createdAt: '2029-12-31 23:59:59.999999-05:00', id: 7 },
      { createdAt: '2030-06-01 12:34:56.123456+05:30', id: 8 },
    ])('round-trips %p', (cursor) => {
      expect(
        parseListInvitesQuery({ cursor: encodeCursor(cursor) }).cursor,
      ).toEqual(cursor);
    });

    it('produces an opaque cursor of URL-safe characters only', () => {
      expect(encodeCursor(CURSOR)).toMatch(/^[A-Za-z0-9_-]+$/);
    });
  });
});
