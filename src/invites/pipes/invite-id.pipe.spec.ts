import { InviteNotFoundError } from '../invites.errors';
import { InviteIdPipe } from './invite-id.pipe';

describe('InviteIdPipe', () => {
  const pipe = new InviteIdPipe();

  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('reads %s as the id %d', (value, id) => {
    expect(pipe.transform(value)).toBe(id);
  });

  it.each([
    '',
    'abc',
    '1.5',
    '0',
    '-1',
    '1e3',
    ' 1',
    '2147483648',
    '99999999999',
  ])('answers %j with InviteNotFoundError, as an unknown id', (value) => {
    expect(() => pipe.transform(value)).toThrow(InviteNotFoundError);
  });
});
