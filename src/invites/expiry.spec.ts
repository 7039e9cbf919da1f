import { parseExpiry } from './expiry';
import { InvalidDateError } from './invites.errors';

const NOW = new Date('2030-01-01T00:00:00.000Z');

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The instant `millis` after NOW. */
function fromNow(millis: number): Date {
  return new Date(NOW.getTime() + millis);
}

describe('parseExpiry', () => {
  it.each<[unknown]>([[undefined], [null], ['never'], ['NEVER'], [' never ']])(
    'reads %p as never expiring (null)',
    (value) => {
      expect(parseExpiry(value, NOW)).toBeNull();
    },
  );

  it.each<[string, number]>([
    ['30min', 30 * MINUTE],
    ['1h', HOUR],
    ['6h', 6 * HOUR],
    ['12h', 12 * HOUR],
    ['1d', DAY],
    ['3d', 3 * DAY],
    ['5d', 5 * DAY],
    ['7d', 7 * DAY],
    ['1w', 7 * DAY],
    ['1y', 365.25 * DAY],
    ['1.5h', 1.5 * HOUR],
    ['2 hours', 2 * HOUR],
    ['1 day', DAY],
    ['10s', 10 * SECOND],
    ['500ms', 500],
    ['1H', HOUR],
    ['2 HOURS', 2 * HOUR],
    [' 3d ', 3 * DAY],
  ])('reads the duration %p as now + %d ms', (value, millis) => {
    expect(parseExpiry(value, NOW)).toEqual(fromNow(millis));
  });

  it.each<[string, string]>([
    ['2030-06-01T12:00:00.000Z', '2030-06-01T12:00:00.000Z'],
    ['2030-06-01', '2030-06-01T00:00:00.000Z'],
    ['2030-06-01T12:00:00+02:00', '2030-06-01T10:00:00.000Z'],
    ['2030-06-01T12:00Z', '2030-06-01T12:00:00.000Z'],
  ])('reads the ISO-8601 date %p as the instant %s', (value, instant) => {
    expect(parseExpiry(value, NOW)).toEqual(new Date(instant));
  });

  it.each<[string, string]>([
    ['date=2030-06-01T12:00:00.000Z', '2030-06-01T12:00:00.000Z'],
    ['date=June 1, 2030 12:00 UTC', '2030-06-01T12:00:00.000Z'],
    ['DATE=2030-06-01T12:00:00+02:00', '2030-06-01T10:00:00.000Z'],
  ])('reads the dashboard form %p as the instant %s', (value, instant) => {
    expect(parseExpiry(value, NOW)).toEqual(new Date(instant));
  });

  it.each<[string, unknown]>([
    ['a past ISO date', '2029-12-31T23:59:59.999Z'],
    ['exactly now', NOW.toISOString()],
    ['a past dashboard date', 'date=2029-06-01T00:00:00.000Z'],
    ['an unparseable dashboard date', 'date=garbage'],
    ['an empty dashboard date', 'date='],
    ['text that is neither a duration nor a date', 'garbage'],
    ['a bare "1" (JavaScript would read the year 2001)', '1'],
    ['a bare number without a unit', '5'],
    ['a negative duration', '-1h'],
    ['a zero duration', '0s'],
    ['an unknown unit', '1 fortnight'],
    ['an empty string', ''],
    ['an ISO date with an invalid month', '2030-13-01'],
    ['an ISO date the calendar lacks', '2100-02-30'],
    ['February 29th of a common year', '2031-02-29T12:00:00Z'],
    ['a day 31 of a 30-day month', '2030-04-31'],
    ['a dashboard date the calendar lacks', 'date=2030-06-31T00:00:00.000Z'],
    ['a duration beyond the range of Date', '999999999999y'],
    ['a JSON number', 123],
    ['a boolean', true],
    ['an object', {}],
    ['an array', []],
  ])('rejects %s (%p) with InvalidDateError', (_label, value) => {
    expect(() => parseExpiry(value, NOW)).toThrow(InvalidDateError);
  });

  it('accepts February 29th of a leap year', () => {
    expect(parseExpiry('2032-02-29', NOW)).toEqual(
      new Date('2032-02-29T00:00:00.000Z'),
    );
  });

  it('accepts the first millisecond after now', () => {
    expect(parseExpiry('2030-01-01T00:00:00.001Z', NOW)).toEqual(fromNow(1));
  });

  it('accepts the last millisecond of the year 9999 and refuses anything later', () => {
    expect(parseExpiry('9999-12-31T23:59:59.999Z', NOW)).toEqual(
      new Date('9999-12-31T23:59:59.999Z'),
    );
    for (const later of [
      '8000y',
      'date=10000-01-01',
      'date=+010000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999-01:00',
    ]) {
      expect(() => parseExpiry(later, NOW)).toThrow(InvalidDateError);
    }
  });
});
