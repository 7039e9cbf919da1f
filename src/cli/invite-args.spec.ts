import { parseInviteCommand } from './invite-args';

const NOW = new Date('2030-01-01T00:00:00.000Z');

describe('parseInviteCommand', () => {
  it.each<[string[], unknown]>([
    [
      ['create'],
      {
        action: 'create',
        createdAt: NOW,
        json: false,
        count: 1,
        expiresAt: null,
        maxUses: 1,
        note: null,
      },
    ],
    [
      [
        'create',
        '--count=3',
        '--expires',
        '1d',
        '--max-uses',
        'unlimited',
        '--note',
        ' hi ',
        '--json',
      ],
      {
        action: 'create',
        createdAt: NOW,
        json: true,
        count: 3,
        expiresAt: new Date('2030-01-02T00:00:00.000Z'),
        maxUses: null,
        note: 'hi',
      },
    ],
    [['list'], { action: 'list', json: false }],
    [
      ['list', '--valid', '--revoked', '--limit', '5'],
      { action: 'list', json: false, valid: true, revoked: true, limit: 5 },
    ],
    [['show', '12'], { action: 'show', json: false, invite: { id: 12 } }],
    [
      ['revoke', 'ix8iFD', '--json'],
      { action: 'revoke', json: true, invite: { code: 'ix8iFD' } },
    ],
    // Too large for an id: a code of digits.
    [
      ['delete', '21474836470'],
      { action: 'delete', json: false, invite: { code: '21474836470' } },
    ],
    [['unrevoke', '7'], { action: 'unrevoke', json: false, invite: { id: 7 } }],
  ])('parses %j', (argv, command) => {
    expect(parseInviteCommand(argv, NOW)).toEqual({ ok: true, command });
  });

  it.each<[string[], string]>([
    [['create', 'extra'], 'invite create takes no arguments, got "extra"'],
    [['list', 'extra'], 'invite list takes no arguments, got "extra"'],
    [
      ['create', '--count', '0'],
      'invalid --count "0": use a whole number from 1 to 10000',
    ],
    [
      ['list', '--limit', '1001'],
      'invalid --limit "1001": use a whole number from 1 to 1000',
    ],
    [['list', '--valid=yes'], "Option '--valid' does not take an argument"],
    [['delete'], 'invite delete needs one id or code'],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseInviteCommand(argv, NOW)).toEqual({ ok: false, error });
  });
});
