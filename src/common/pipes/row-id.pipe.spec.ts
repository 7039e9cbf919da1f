import { RowIdPipe } from './row-id.pipe';

class RowNotFoundError extends Error {}

describe('RowIdPipe', () => {
  const pipe = new RowIdPipe(() => new RowNotFoundError());

  it.each([
    ['1', 1],
    ['42', 42],
    ['007', 7],
    ['2147483647', 2147483647],
  ])('reads %s as the id %d', (value, id) => {
    expect(pipe.transform(value)).toBe(id);
  });

  it.each([
    '',
    'abc',
    '1.5',
    '2.0',
    '0',
    '-1',
    '+2',
    '1e3',
    '0x2',
    '0b10',
    ' 1',
    '2147483648',
    '99999999999',
  ])('answers %j with the route’s not-found error', (value) => {
    expect(() => pipe.transform(value)).toThrow(RowNotFoundError);
  });

  it('refuses a value some earlier pipe already turned into a number', () => {
    expect(() => pipe.transform(2 as unknown as string)).toThrow(
      RowNotFoundError,
    );
  });
});
