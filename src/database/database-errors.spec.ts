import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './database-errors';

const driverError = (code: string, message = 'x') =>
  Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', driverError('ECONNREFUSED')],
    ['a reset connection', driverError('ECONNRESET')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a terminated connection',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'an administrator shutdown (57P01)',
      new QueryFailedError('SELECT 1', [], driverError('57P01')),
    ],
    [
      'a statement timeout (57014)',
      new QueryFailedError('SELECT 1', [], driverError('57014')),
    ],
    [
      'a connection exception (08006)',
      new QueryFailedError('SELECT 1', [], driverError('08006')),
    ],
    ['a COMMIT on a released runner', new QueryRunnerAlreadyReleasedError()],
    [
      'a statement on a released runner',
      new QueryRunnerProviderAlreadyReleasedError(),
    ],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation',
      new QueryFailedError('INSERT', [], driverError('23505')),
    ],
    ['a syntax error', new QueryFailedError('SELEC', [], driverError('42601'))],
    ['a plain error', new Error('boom')],
    ['a non-error', 'database unavailable'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('matches 23505, optionally on one constraint', () => {
    const error = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(driverError('23505'), { constraint: 'invites_code_key' }),
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'invites_code_key')).toBe(true);
    expect(isUniqueViolation(error, 'users_username_lower_key')).toBe(false);
  });
});
