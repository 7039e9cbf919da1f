import { parseCommand } from './parse-args';

describe('parseCommand', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']], [['create-user', '-h']]])(
    'asks for the usage text for %j',
    (argv) => {
      expect(parseCommand(argv)).toEqual({
        ok: true,
        command: { name: 'help' },
      });
    },
  );

  it.each([
    [
      ['create-user', 'alice'],
      { name: 'create-user', username: 'alice', administrator: false },
    ],
    [
      ['create-user', 'Al.ice_-9', '--admin', '--password', 'secret-pw'],
      {
        name: 'create-user',
        username: 'Al.ice_-9',
        administrator: true,
        password: 'secret-pw',
      },
    ],
    [
      ['create-user', '--password=secret-pw', 'alice'],
      {
        name: 'create-user',
        username: 'alice',
        administrator: false,
        password: 'secret-pw',
      },
    ],
    [['set-password', 'alice'], { name: 'set-password', username: 'alice' }],
    [
      ['set-password', 'alice', '--password', 'x'.repeat(256)],
      { name: 'set-password', username: 'alice', password: 'x'.repeat(256) },
    ],
    // Looked up as given: ADMIN_USERNAME may hold names the API would refuse.
    [
      ['set-password', 'first admin'],
      { name: 'set-password', username: 'first admin' },
    ],
    [
      ['grant-admin', 'alice'],
      { name: 'set-administrator', username: 'alice', administrator: true },
    ],
    [
      ['revoke-admin', 'alice'],
      { name: 'set-administrator', username: 'alice', administrator: false },
    ],
  ])('parses %j', (argv, command) => {
    expect(parseCommand(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [['delete-user', 'alice'], 'unknown command "delete-user"'],
    [['toString', 'alice'], 'unknown command "toString"'],
    [['create-user'], 'create-user needs a username'],
    [
      ['grant-admin', 'a', 'b'],
      'grant-admin takes one username, got 2 arguments',
    ],
    [
      ['create-user', 'no spaces'],
      'invalid username "no spaces": use 1 to 64 characters of A-Z a-z 0-9 . _ -',
    ],
    [
      ['create-user', 'a'.repeat(65)],
      `invalid username "${'a'.repeat(65)}": use 1 to 64 characters of A-Z a-z 0-9 . _ -`,
    ],
    [
      ['create-user', 'alice', '--password', 'short'],
      'the password must be 8 to 256 characters long',
    ],
    [
      ['set-password', 'alice', '--password', 'x'.repeat(257)],
      'the password must be 8 to 256 characters long',
    ],
    [['set-password', 'alice', '--admin'], "Unknown option '--admin'"],
    [
      ['grant-admin', 'alice', '--password', 'secret-pw'],
      "Unknown option '--password'",
    ],
    [
      ['create-user', 'alice', '--password'],
      "Option '--password <value>' argument missing",
    ],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseCommand(argv)).toEqual({ ok: false, error });
  });
});
