/** Characters an element of an array literal must escape inside its quotes. */
const NEEDS_ESCAPE = /["\\]/;

/**
 * A text array parameter as PostgreSQL's array literal (`{"a","b"}`), what
 * pg would send for the array itself, built without pg's two regex replaces
 * per element. Every element is quoted: unquoted, `NULL` would be a null.
 */
export function textArrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  if (!NEEDS_ESCAPE.test(values.join(''))) {
    return `{"${values.join('","')}"}`;
  }
  const elements = values.map(
    (value) => `"${value.replace(/["\\]/g, '\\$&')}"`,
  );
  return `{${elements.join(',')}}`;
}
