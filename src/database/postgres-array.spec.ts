import { textArrayLiteral } from './postgres-array';

/** pg's own conversion of a parameter, which the literal must equal. */
const { prepareValue } = jest.requireActual<{
  prepareValue: (value: unknown) => unknown;
}>('pg/lib/utils');

describe('textArrayLiteral', () => {
  it('quotes every element, so that NULL stays a text', () => {
    expect(textArrayLiteral(['AbC123', 'NULL', 'null'])).toBe(
      '{"AbC123","NULL","null"}',
    );
  });

  it('writes an empty array as {}', () => {
    expect(textArrayLiteral([])).toBe('{}');
  });

  it('escapes quotes and backslashes inside the quotes', () => {
    expect(textArrayLiteral(['a"b', 'c\\d', 'plain'])).toBe(
      '{"a\\"b","c\\\\d","plain"}',
    );
  });

  it.each([
    [['x']],
    [['AbC123', 'xyz', '0']],
    [['a"b', 'c\\d', '{}', ',', ' ', '']],
  ])('is what pg sends for the array itself: %j', (values) => {
    expect(textArrayLiteral(values)).toBe(prepareValue(values));
  });
});
