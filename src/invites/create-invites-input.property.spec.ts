import fc from 'fast-check';
import { parseCreateInvitesInput } from './create-invites-input';
import {
  InvalidCountError,
  InvalidDateError,
  InvalidMaxUsesError,
} from './invites.errors';
import { INT4_MAX } from '../database/postgres-int';

const NOW = new Date('2030-01-01T00:00:00.000Z');

/** An integer as the client may send it: a JSON number or a string of digits. */
function asNumberOrDigits(n: number): fc.Arbitrary<number | string> {
  return fc.oneof(
    fc.constant(n),
    fc.constant(String(n)),
    // Leading zeros are still a string of digits ("007").
    fc
      .integer({ min: String(n).length, max: 15 })
      .map((width) => String(n).padStart(width, '0')),
  );
}

/** Whether a value is, by the contract, an integer in min..max (number or digit string). */
function isIntegerIn(value: unknown, min: number, max: number): boolean {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= min && value <= max;
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    const n = BigInt(value);
    return n >= BigInt(min) && n <= BigInt(max);
  }
  return false;
}

const notIntegerInCache = new Map<string, fc.Arbitrary<unknown>>();

/**
 * Anything that is not an integer in min..max (nor null/undefined, which mean
 * "default"). Memoized: building fc.anything() on every run is slow.
 */
function notIntegerIn(min: number, max: number): fc.Arbitrary<unknown> {
  const key = `${min}..${max}`;
  let arbitrary = notIntegerInCache.get(key);
  if (!arbitrary) {
    arbitrary = buildNotIntegerIn(min, max);
    notIntegerInCache.set(key, arbitrary);
  }
  return arbitrary;
}

function buildNotIntegerIn(min: number, max: number): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      fc.anything({ maxDepth: 2 }),
      fc.jsonValue({ maxDepth: 2 }),
      // Fractions, infinities, NaN, -0.
      fc.double().filter((x) => !Number.isInteger(x) || Object.is(x, -0)),
      // Out-of-range integers, as numbers and as strings.
      fc.integer({ min: -INT4_MAX, max: min - 1 }),
      fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: -INT4_MAX, max: min - 1 }).map(String),
      fc.bigInt({ min: BigInt(max) + 1n, max: 10n ** 20n }).map(String),
      fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }).map(String),
      // Strings that are not only digits: " 3", "3.0", "+3", "3e0", "0x3"…
      fc.string().filter((text) => !/^\d+$/.test(text)),
      fc
        .tuple(
          fc.integer({ min, max }),
          fc.constantFrom(' ', '.0', 'e0', '\n', 'x'),
          fc.boolean(),
        )
        .map(([n, extra, before]) => (before ? extra + n : n + extra)),
      fc.integer({ min, max }).map((n) => `+${n}`),
      fc.integer({ min, max }).map((n) => `0x${n.toString(16)}`),
      fc.integer({ min, max }).map((n) => [n]),
      fc.integer({ min, max }).map((n) => ({ value: n })),
      fc.boolean(),
    )
    .filter((value) => value != null && !isIntegerIn(value, min, max));
}

const maxCountArb = fc.integer({ min: 1, max: 10_000 });

/** A few limits, so the arbitraries built from them can be reused. */
const someMaxCountArb = fc.constantFrom(1, 2, 100, 9_999, 10_000);

/** A field value with whether the contract calls it valid. */
interface Field {
  value: unknown;
  valid: boolean;
}

const validExpiresAt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('never'),
  fc.constantFrom('30min', '1h', '1.5h', '2 hours', '7d', '1w', '1y'),
  fc
    .date({
      min: new Date(NOW.getTime() + 1),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
);

const invalidExpiresAt: fc.Arbitrary<unknown> = fc.oneof(
  // Neither a string nor null/undefined.
  fc
    .anything({ maxDepth: 2 })
    .filter(
      (value) => value !== undefined && value !== null && !isString(value),
    ),
  // A moment not after now.
  fc.date({ max: NOW, noInvalidDate: true }).map((date) => date.toISOString()),
  // Not a date at all: starts with a letter other than the keywords'.
  fc.string().map((text) => `x${text}`),
);

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function field(
  valid: fc.Arbitrary<unknown>,
  invalid: fc.Arbitrary<unknown>,
): fc.Arbitrary<Field> {
  return fc.oneof(
    valid.map((value) => ({ value, valid: true })),
    invalid.map((value) => ({ value, valid: false })),
  );
}

describe('parseCreateInvitesInput (properties)', () => {
  describe('count', () => {
    it('accepts any integer 1..maxCount, as a number or a string of digits', () => {
      fc.assert(
        fc.property(
          maxCountArb
            .chain((maxCount) =>
              fc.tuple(
                fc.constant(maxCount),
                fc.integer({ min: 1, max: maxCount }),
              ),
            )
            .chain(([maxCount, n]) =>
              fc.tuple(
                fc.constant(maxCount),
                fc.constant(n),
                asNumberOrDigits(n),
              ),
            ),
          ([maxCount, n, count]) => {
            expect(
              parseCreateInvitesInput({ count }, { maxCount }, NOW),
            ).toEqual({
              createdAt: NOW,
              expiresAt: null,
              count: n,
              maxUses: 1,
              note: null,
            });
          },
        ),
      );
    });

    it('refuses anything else with InvalidCountError', () => {
      fc.assert(
        fc.property(
          someMaxCountArb.chain((maxCount) =>
            fc.tuple(fc.constant(maxCount), notIntegerIn(1, maxCount)),
          ),
          ([maxCount, count]) => {
            expect(() =>
              parseCreateInvitesInput({ count }, { maxCount }, NOW),
            ).toThrow(InvalidCountError);
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('maxUses', () => {
    it('reads null as unlimited', () => {
      fc.assert(
        fc.property(maxCountArb, (maxCount) => {
          expect(
            parseCreateInvitesInput({ maxUses: null }, { maxCount }, NOW)
              .maxUses,
          ).toBeNull();
        }),
        { numRuns: 10 },
      );
    });

    it('accepts any integer 1..2147483647, as a number or a string of digits', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: INT4_MAX })
            .chain((n) => fc.tuple(fc.constant(n), asNumberOrDigits(n))),
          ([n, maxUses]) => {
            expect(
              parseCreateInvitesInput({ maxUses }, { maxCount: 100 }, NOW),
            ).toEqual({
              createdAt: NOW,
              expiresAt: null,
              count: 1,
              maxUses: n,
              note: null,
            });
          },
        ),
      );
    });

    it('refuses anything else with InvalidMaxUsesError', () => {
      fc.assert(
        fc.property(notIntegerIn(1, INT4_MAX), (maxUses) => {
          expect(() =>
            parseCreateInvitesInput({ maxUses }, { maxCount: 100 }, NOW),
          ).toThrow(InvalidMaxUsesError);
        }),
        { numRuns: 200 },
      );
    });
  });

  it('reports the first invalid field in the order expiresAt, count, maxUses', () => {
    fc.assert(
      fc.property(
        someMaxCountArb.chain((maxCount) =>
          fc.record({
            maxCount: fc.constant(maxCount),
            expiresAt: field(validExpiresAt, invalidExpiresAt),
            count: field(
              fc.oneof(
                fc.constant(undefined),
                fc.constant(null),
                fc.integer({ min: 1, max: maxCount }).chain(asNumberOrDigits),
              ),
              notIntegerIn(1, maxCount),
            ),
            maxUses: field(
              fc.oneof(
                fc.constant(undefined),
                fc.constant(null),
                fc.integer({ min: 1, max: INT4_MAX }).chain(asNumberOrDigits),
              ),
              notIntegerIn(1, INT4_MAX),
            ),
          }),
        ),
        ({ maxCount, expiresAt, count, maxUses }) => {
          const body = {
            expiresAt: expiresAt.value,
            count: count.value,
            maxUses: maxUses.value,
          };
          const expected = !expiresAt.valid
            ? InvalidDateError
            : !count.valid
              ? InvalidCountError
              : !maxUses.valid
                ? InvalidMaxUsesError
                : null;
          let thrown: unknown = null;
          try {
            parseCreateInvitesInput(body, { maxCount }, NOW);
          } catch (error) {
            thrown = error;
          }
          if (expected === null) {
            expect(thrown).toBeNull();
          } else {
            expect(thrown).toBeInstanceOf(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
