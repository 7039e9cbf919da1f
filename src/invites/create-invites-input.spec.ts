import {
  parseCreateInvitesInput,
  parseUpdateInviteInput,
} from './create-invites-input';
import { InvalidInputError } from '../common/errors/domain-error';
import {
  InvalidCountError,
  InvalidDateError,
  InvalidMaxUsesError,
  InvalidNoteError,
} from './invites.errors';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const LIMITS = { maxCount: 100 };

function parse(body: Record<string, unknown>, limits = LIMITS) {
  return parseCreateInvitesInput(body, limits, NOW);
}

function captured(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseCreateInvitesInput', () => {
  it('defaults an empty body to one single-use invite that never expires', () => {
    expect(parse({})).toEqual({
      createdAt: NOW,
      expiresAt: null,
      count: 1,
      maxUses: 1,
      note: null,
    });
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

  describe('note', () => {
    it.each<[unknown, string | null]>([
      [undefined, null],
      [null, null],
      ['', null],
      ['   ', null],
      ['  for Bob  ', 'for Bob'],
      ['é'.repeat(500), 'é'.repeat(500)],
      ['😀'.repeat(500), '😀'.repeat(500)],
    ])('accepts %p as %p', (note, expected) => {
      expect(parse({ note }).note).toBe(expected);
    });

    it.each<[unknown]>([
      [1],
      [true],
      [{}],
      [['a']],
      ['x'.repeat(501)],
      ['a\u0000b'],
    ])('rejects %p with InvalidNoteError', (note) => {
      expect(() => parse({ note })).toThrow(InvalidNoteError);
    });
  });

  it('refuses an unknown key by name, before any value', () => {
    expect(() => parse({ expiresAt: 'bad', administrator: true })).toThrow(
      new InvalidInputError('unknown field: administrator'),
    );
  });

  it('checks maxUses before note', () => {
    expect(() => parse({ maxUses: 0, note: 5 })).toThrow(InvalidMaxUsesError);
  });

  it('names every failing field in details, in check order, the first leading', () => {
    const error = captured(() => parse({ note: 5, maxUses: 0, count: 'x' }));
    expect(error).toBeInstanceOf(InvalidCountError);
    expect(error.details).toEqual({
      details: [
        { field: 'count', error: 'invalid count' },
        { field: 'maxUses', error: 'invalid maxUses' },
        { field: 'note', error: 'invalid note' },
      ],
    });
  });

  it('names every unknown key in details', () => {
    const error = captured(() => parse({ count: 0, code: 'a', uses: 3 }));
    expect(error.message).toBe('unknown field: code');
    expect(error.details).toEqual({
      details: [
        { field: 'code', error: 'unknown field: code' },
        { field: 'uses', error: 'unknown field: uses' },
      ],
    });
  });
});

describe('parseUpdateInviteInput', () => {
  const update = (body: Record<string, unknown>) =>
    parseUpdateInviteInput(body, NOW);

  it('keeps absent keys absent: an empty body changes nothing', () => {
    expect(update({})).toEqual({});
  });

  it('reads each key present, null included', () => {
    expect(update({ expiresAt: null, maxUses: null, note: null })).toEqual({
      expiresAt: null,
      maxUses: null,
      note: null,
    });
    expect(update({ expiresAt: '1h', maxUses: '5', note: ' hi ' })).toEqual({
      expiresAt: new Date('2030-01-01T01:00:00.000Z'),
      maxUses: 5,
      note: 'hi',
    });
  });

  it.each<[Record<string, unknown>, Error]>([
    [{ code: 'x' }, new InvalidInputError('unknown field: code')],
    [{ count: 2 }, new InvalidInputError('unknown field: count')],
    [{ expiresAt: '2020-01-01', maxUses: 0 }, new InvalidDateError()],
    [{ maxUses: 0, note: 1 }, new InvalidMaxUsesError()],
    [{ note: 1 }, new InvalidNoteError()],
  ])('refuses %p in the contract order', (body, error) => {
    expect(() => update(body)).toThrow(error);
  });

  it('names every failing field present, in check order', () => {
    const error = captured(() => update({ note: 1, expiresAt: 'soon' }));
    expect(error).toBeInstanceOf(InvalidDateError);
    expect(error.details).toEqual({
      details: [
        { field: 'expiresAt', error: 'invalid date' },
        { field: 'note', error: 'invalid note' },
      ],
    });
  });
});
