/**
 * PostgreSQL text cannot hold the NUL character: a parameter containing one
 * is an error (SQLSTATE 22021), not a non-match. Lookups by user input check
 * this first, so such input simply matches nothing.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000');
}
