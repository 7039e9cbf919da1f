import { types } from 'pg';

/** PostgreSQL's type oid of `timestamp with time zone`. */
const TIMESTAMPTZ_OID = 1184;

/** A UTC timestamptz as PostgreSQL writes it under DateStyle ISO. */
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?\+00$/;

/**
 * The ISO-8601 string (milliseconds, `Z`) of a timestamptz, given as a Date
 * or as PostgreSQL's text. For text, exactly what pg's own parsing followed
 * by toISOString() gives, sub-milliseconds truncated the same way, so an
 * invite reads the same from every route. Text in another form (a session
 * time zone other than UTC, a year past 9999) goes through a Date.
 */
export function isoTimestamp(value: Date | string): string {
  if (typeof value !== 'string') return value.toISOString();
  const match = UTC_TEXT.exec(value);
  if (!match) return parseTimestamptz(value).toISOString();
  const [, date, time, fraction] = match;
  const milliseconds = fraction ? Math.trunc(1000 * parseFloat(fraction)) : 0;
  return `${date}T${time}.${String(milliseconds).padStart(3, '0')}Z`;
}

function parseTimestamptz(text: string): Date {
  return (types.getTypeParser(TIMESTAMPTZ_OID) as (value: string) => Date)(
    text,
  );
}
