import fc from 'fast-check';
import { parseDuration } from '../common/duration';
import { parseExpiry } from './expiry';
import { InvalidDateError } from './invites.errors';

// The `ms` package's definitions (node_modules/ms/index.js), 1y = 365.25 d.
const S = 1000;
const M = S * 60;
const H = M * 60;
const D = H * 24;
const W = D * 7;
const Y = D * 365.25;

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['ms', 1],
  ['msec', 1],
  ['msecs', 1],
  ['millisecond', 1],
  ['milliseconds', 1],
  ['s', S],
  ['sec', S],
  ['secs', S],
  ['second', S],
  ['seconds', S],
  ['m', M],
  ['min', M],
  ['mins', M],
  ['minute', M],
  ['minutes', M],
  ['h', H],
  ['hr', H],
  ['hrs', H],
  ['hour', H],
  ['hours', H],
  ['d', D],
  ['day', D],
  ['days', D],
  ['w', W],
  ['week', W],
  ['weeks', W],
  ['y', Y],
  ['yr', Y],
  ['yrs', Y],
  ['year', Y],
  ['years', Y],
];

const MAX_DATE = new Date('9999-12-31T23:59:59.999Z');

/** "now" somewhere between 1970 and 2100. */
const nowArb = fc.date({
  min: new Date('1970-01-01T00:00:00.000Z'),
  max: new Date('2100-01-01T00:00:00.000Z'),
  noInvalidDate: true,
});

/** A positive decimal as text: `12`, `007`, `1.5`, `.25`, `0.001`… up to 10000. */
const numberTextArb = fc
  .tuple(
    fc.option(
      fc.oneof(
        fc.integer({ min: 0, max: 10_000 }).map(String),
        fc.stringMatching(/^0{1,3}[1-9]\d{0,2}$/),
      ),
    ),
    fc.option(fc.stringMatching(/^\d{1,4}$/)),
  )
  .filter(([whole, fraction]) => whole !== null || fraction !== null)
  .map(([whole, fraction]) => `${whole ?? ''}${fraction ? `.${fraction}` : ''}`)
  .filter((text) => parseFloat(text) > 0);

/** A duration in any supported unit and letter case, with an optional single space. */
/** A unit name in any letter case, with its length in milliseconds. */
const unitArb = fc
  .constantFrom(...UNITS)
  .chain(([name, millis]) =>
    fc.mixedCase(fc.constant(name)).map((cased) => [cased, millis] as const),
  );

/** A duration in any supported unit and letter case, with an optional single space. */
const durationArb = fc
  .tuple(numberTextArb, fc.constantFrom('', ' '), unitArb)
  .map(([number, space, [name, unit]]) => ({
    text: `${number}${space}${name}`,
    millis: parseFloat(number) * unit,
  }))
  // Less than a millisecond is not "after now" once it lands on a Date.
  .filter(({ millis }) => millis >= 1);

/** What `parseExpiry` did: returned a value or threw. */
function attempt(
  value: unknown,
  now: Date,
): { ok: true; result: Date | null } | { ok: false; error: unknown } {
  try {
    return { ok: true, result: parseExpiry(value, now) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** null, a valid Date strictly after now, or an InvalidDateError: nothing else. */
function expectWellBehaved(value: unknown, now: Date): void {
  const outcome = attempt(value, now);
  if (!outcome.ok) {
    expect(outcome.error).toBeInstanceOf(InvalidDateError);
    return;
  }
  if (outcome.result === null) return;
  expect(outcome.result).toBeInstanceOf(Date);
  expect(Number.isFinite(outcome.result.getTime())).toBe(true);
  expect(outcome.result.getTime()).toBeGreaterThan(now.getTime());
}

/** Strings made of the pieces the parser cares about, to reach every branch. */
const trickyStringArb = fc
  .array(
    fc.constantFrom(
      'date=',
      'DATE=',
      'never',
      ' ',
      '\t',
      '\n',
      '0',
      '1',
      '5',
      '9999',
      '2030',
      '-01',
      '-1',
      '.',
      'e',
      'd',
      'ms',
      'min',
      'y',
      'weeks',
      'mo',
      'T',
      ':',
      'Z',
      '+',
      '-',
    ),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

describe('parseDuration (properties)', () => {
  it('reads <n><unit> as n × unit milliseconds, for every unit, case and spacing', () => {
    fc.assert(
      fc.property(durationArb, ({ text, millis }) => {
        expect(parseDuration(text)).toBe(millis);
      }),
    );
  });

  it('returns null or a finite positive number for any string, never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), trickyStringArb),
        (text) => {
          const result = parseDuration(text);
          if (result !== null) {
            expect(Number.isFinite(result)).toBe(true);
            expect(result).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe('parseExpiry (properties)', () => {
  it('counts a duration from now: now + n × unit, up to the end of the year 9999', () => {
    fc.assert(
      fc.property(nowArb, durationArb, (now, { text, millis }) => {
        const expected = new Date(now.getTime() + millis);
        if (expected.getTime() > MAX_DATE.getTime()) {
          expect(() => parseExpiry(text, now)).toThrow(InvalidDateError);
        } else {
          expect(parseExpiry(text, now)?.getTime()).toBe(expected.getTime());
        }
      }),
    );
  });

  it('round-trips any future Date, as an ISO string and as date=<ISO>', () => {
    fc.assert(
      fc.property(
        nowArb.chain((now) =>
          fc.tuple(
            fc.constant(now),
            fc.date({
              min: new Date(now.getTime() + 1),
              max: MAX_DATE,
              noInvalidDate: true,
            }),
          ),
        ),
        ([now, future]) => {
          const iso = future.toISOString();
          expect(parseExpiry(iso, now)?.getTime()).toBe(future.getTime());
          expect(parseExpiry(`date=${iso}`, now)?.getTime()).toBe(
            future.getTime(),
          );
        },
      ),
    );
  });

  it('refuses any Date in the past or equal to now with InvalidDateError', () => {
    fc.assert(
      fc.property(
        nowArb.chain((now) =>
          fc.tuple(
            fc.constant(now),
            fc.oneof(
              fc.constant(now),
              fc.date({ max: now, noInvalidDate: true }),
            ),
          ),
        ),
        ([now, past]) => {
          const iso = past.toISOString();
          expect(() => parseExpiry(iso, now)).toThrow(InvalidDateError);
          expect(() => parseExpiry(`date=${iso}`, now)).toThrow(
            InvalidDateError,
          );
        },
      ),
    );
  });

  it('answers any value with null, a Date after now, or InvalidDateError', () => {
    fc.assert(
      fc.property(
        nowArb,
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.jsonValue({ maxDepth: 2 }),
          fc.string(),
          fc.string({ unit: 'binary' }),
          trickyStringArb,
          fc.string().map((text) => `date=${text}`),
        ),
        (now, value) => expectWellBehaved(value, now),
      ),
      { numRuns: 500 },
    );
  });
});
