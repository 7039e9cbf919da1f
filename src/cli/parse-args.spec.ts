import { parseCommand } from './parse-args';

describe('parseCommand', () => {
  it.each([[['help']], [['--help']], [['-h']], [['create-user', '-h']]])(
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
      {
        name: 'create-user',
        username: 'alice',
        administrator: false,
        passwordStdin: false,
      },
    ],
    [
      ['create-user', 'Al.ice_-9', '--admin', '--password-stdin'],
      {
        name: 'create-user',
        username: 'Al.ice_-9',
        administrator: true,
        passwordStdin: true,
      },
    ],
    [
      ['set-password', 'alice'],
      { name: 'set-password', username: 'alice', passwordStdin: false },
    ],
    [
      ['set-password', '--password-stdin', 'alice'],
      { name: 'set-password', username: 'alice', passwordStdin: true },
    ],
    // Looked up as given: ADMIN_USERNAME may hold names the API would refuse.
    [
      ['set-password', 'first admin'],
      { name: 'set-password', username: 'first admin', passwordStdin: false },
    ],
    [
      ['disable-user', 'alice'],
      { name: 'set-disabled', username: 'alice', disabled: true },
    ],
    [
      ['enable-user', 'alice'],
      { name: 'set-disabled', username: 'alice', disabled: false },
    ],
    [['delete-user', 'alice'], { name: 'delete-user', username: 'alice' }],
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
    [[], 'no command given'],
    [['remove-user', 'alice'], 'unknown command "remove-user"'],
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
      ['create-user', 'alice', '--password', 'a-long-password'],
      '--password is not accepted: other users can read the command line; use --password-stdin, the prompt, or a generated password',
    ],
    [
      ['set-password', 'alice', '--password=a-long-password'],
      '--password is not accepted: other users can read the command line; use --password-stdin, the prompt, or a generated password',
    ],
    [
      ['disable-user', 'alice', '--password-stdin'],
      "Unknown option '--password-stdin'",
    ],
    [['set-password', 'alice', '--admin'], "Unknown option '--admin'"],
    [
      ['grant-admin', 'alice', '--password', 'secret-pw'],
      "Unknown option '--password'",
    ],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseCommand(argv)).toEqual({ ok: false, error });
  });
});
