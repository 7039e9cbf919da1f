import { parseCreateInvitesInput } from './create-invites-input';
import {
  InvalidCountError,
  InvalidDateError,
  InvalidMaxUsesError,
} from './invites.errors';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const LIMITS = { maxCount: 100 };

function parse(body: Record<string, unknown>, limits = LIMITS) {
  return parseCreateInvitesInput(body, limits, NOW);
}

describe('parseCreateInvitesInput', () => {
  it('defaults an empty body to one single-use invite that never expires', () => {
    expect(parse({})).toEqual({ expiresAt: null, count: 1, maxUses: 1 });
  });

  it('reads expiresAt relative to now', () => {
    expect(parse({ expiresAt: '1h' }).expiresAt).toEqual(
      new Date('2030-01-01T01:00:00.000Z'),
    );
  });

  describe('count', () => {
    it.each<[unknown, number]>([
      [1, 1],
      [100, 100],
      ['3', 3],
      ['100', 100],
      [null, 1],
      [undefined, 1],
    ])('accepts %p as %d', (count, expected) => {
      expect(parse({ count }).count).toBe(expected);
    });

    it.each<[unknown]>([
      [0],
      [101],
      [-1],
      [2.5],
      ['2.5'],
      ['abc'],
      [''],
      [true],
      [[2]],
      [{}],
      [1e21],
      ['0101x'],
      ['-1'],
      ['101'],
    ])('rejects %p with InvalidCountError', (count) => {
      expect(() => parse({ count })).toThrow(InvalidCountError);
    });

    it('honours a custom maximum', () => {
      expect(parse({ count: 5 }, { maxCount: 5 }).count).toBe(5);
      expect(() => parse({ count: 6 }, { maxCount: 5 })).toThrow(
        InvalidCountError,
      );
    });
  });

  describe('maxUses', () => {
    it.each<[unknown, number | null]>([
      [null, null],
      [undefined, 1],
      [1, 1],
      [5, 5],
      ['5', 5],
      [2147483647, 2147483647],
    ])('accepts %p as %p', (maxUses, expected) => {
      expect(parse({ maxUses }).maxUses).toBe(expected);
    });

    it.each<[unknown]>([
      [0],
      [-1],
      [1.5],
      ['x'],
      [''],
      [true],
      [2147483648],
      ['2147483648'],
      [{}],
      [[5]],
    ])('rejects %p with InvalidMaxUsesError', (maxUses) => {
      expect(() => parse({ maxUses })).toThrow(InvalidMaxUsesError);
    });
  });

  describe('order of checks', () => {
    it.each<[string, Record<string, unknown>, new () => Error]>([
      [
        'expiresAt before count and maxUses',
        { expiresAt: 'bad', count: 0, maxUses: 0 },
        InvalidDateError,
      ],
      ['count before maxUses', { count: 0, maxUses: 0 }, InvalidCountError],
    ])('reports %s', (_label, body, error) => {
      expect(() => parse(body)).toThrow(error);
    });
  });
});
