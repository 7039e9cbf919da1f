import fc from 'fast-check';
import { types } from 'pg';
import { isoTimestamp } from './postgres-timestamp';

/** What pg itself makes of the text: the behaviour isoTimestamp must keep. */
const viaDate = (text: string) =>
  (types.getTypeParser(1184) as (value: string) => Date)(text).toISOString();

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC instant with microseconds, as PostgreSQL's text output writes it. */
const postgresText = fc
  .record({
    millis: fc.integer({
      min: Date.UTC(1000, 0, 1),
      max: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    }),
    micros: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ millis, micros }) => {
    const d = new Date(millis);
    const fraction =
      `${pad(d.getUTCMilliseconds(), 3)}${pad(micros, 3)}`.replace(/0+$/, '');
    return (
      `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
      `${fraction ? `.${fraction}` : ''}+00`
    );
  });

describe('isoTimestamp', () => {
  it('turns PostgreSQL text into exactly what pg parsing then toISOString gives', () => {
    fc.assert(
      fc.property(postgresText, (text) => {
        expect(isoTimestamp(text)).toBe(viaDate(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-11-26 16:04:09.409874+00', '2026-11-26T16:04:09.409Z'],
    ['2026-01-01 00:00:00.5+00', '2026-01-01T00:00:00.500Z'],
    ['2026-01-01 00:00:00+00', '2026-01-01T00:00:00.000Z'],
    // pg's float arithmetic truncates .57 to 569 ms; kept, so every route agrees
    ['2026-01-01 00:00:00.57+00', viaDate('2026-01-01 00:00:00.57+00')],
    // another session time zone: through a Date
    ['2026-01-01 01:30:00.25+01:30', '2026-01-01T00:00:00.250Z'],
    ['2026-06-01 12:00:00-07', '2026-06-01T19:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(isoTimestamp(text)).toBe(iso);
  });

  it('formats a Date as toISOString does', () => {
    const date = new Date('2022-11-11T03:34:25.532Z');
    expect(isoTimestamp(date)).toBe('2022-11-11T03:34:25.532Z');
  });
});
