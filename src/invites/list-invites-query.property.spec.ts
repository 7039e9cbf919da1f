import fc from 'fast-check';
import { InvalidQueryError } from './invites.errors';
import {
  encodeCursor,
  type InviteCursor,
  MAX_PAGE_SIZE,
  parseListInvitesQuery,
} from './list-invites-query';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    month - 1
  ];
}

/**
 * Text PostgreSQL prints for a timestamptz (`created_at::text`):
 * `YYYY-MM-DD HH:MM:SS[.ffffff]+HH[:MM]`.
 */
const timestamptzTextArb: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,6}$/)),
    sign: fc.constantFrom('+', '-'),
    offsetHours: fc.integer({ min: 0, max: 15 }),
    offsetMinutes: fc.option(fc.integer({ min: 0, max: 59 })),
  })
  .chain((parts) =>
    fc
      .integer({ min: 1, max: daysInMonth(parts.year, parts.month) })
      .map((day) => ({ ...parts, day })),
  )
  .map(
    (p) =>
      `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ` +
      `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
      (p.fraction === null ? '' : `.${p.fraction}`) +
      `${p.sign}${pad(p.offsetHours)}` +
      (p.offsetMinutes === null ? '' : `:${pad(p.offsetMinutes)}`),
  );

const cursorArb: fc.Arbitrary<InviteCursor> = fc.record({
  createdAt: timestamptzTextArb,
  id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

/** Strings in the base64url alphabet, the length the parser looks at and beyond. */
const base64urlArb = fc.string({
  unit: fc.constantFrom(
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  ),
  maxLength: 220,
});

/** Near misses: valid cursors' text with a piece changed, then encoded. */
const mutatedCursorArb = fc
  .tuple(cursorArb, fc.nat(), fc.nat({ max: 50 }), fc.string({ maxLength: 3 }))
  .map(([cursor, at, remove, insert]) => {
    const text = `${cursor.createdAt}|${cursor.id}`;
    const start = at % (text.length + 1);
    const mutated =
      text.slice(0, start) + insert + text.slice(start + (remove % 3));
    return Buffer.from(mutated).toString('base64url');
  });

describe('parseListInvitesQuery (properties)', () => {
  it('round-trips any cursor of a PostgreSQL timestamptz and an id', () => {
    fc.assert(
      fc.property(cursorArb, (cursor) => {
        expect(parseListInvitesQuery({ cursor: encodeCursor(cursor) })).toEqual(
          { cursor, limit: MAX_PAGE_SIZE },
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the asked limit next to a round-tripped cursor', () => {
    fc.assert(
      fc.property(
        cursorArb,
        fc.integer({ min: 1, max: MAX_PAGE_SIZE }),
        (cursor, limit) => {
          expect(
            parseListInvitesQuery({
              cursor: encodeCursor(cursor),
              limit: String(limit),
            }),
          ).toEqual({ cursor, limit });
        },
      ),
    );
  });

  it('answers any cursor with a result or InvalidQueryError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          base64urlArb,
          mutatedCursorArb,
          fc.string().map((text) => Buffer.from(text).toString('base64url')),
          fc.anything({ maxDepth: 2 }),
        ),
        (cursor) => {
          let result: ReturnType<typeof parseListInvitesQuery>;
          try {
            result = parseListInvitesQuery({ cursor });
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidQueryError);
            return;
          }
          if (cursor === undefined) {
            expect(result).toEqual({});
            return;
          }
          expect(typeof result.cursor?.createdAt).toBe('string');
          expect(Number.isSafeInteger(result.cursor?.id)).toBe(true);
          expect(result.limit).toBe(MAX_PAGE_SIZE);
        },
      ),
      { numRuns: 500 },
    );
  });
});
