import { NO_REQUEST } from '../audit/request-context';
import type { User } from '../users/user.entity';
import { UserNotFoundError } from '../users/users.errors';
import { generatePassword, runCommand } from './run-command';

function user(username: string, administrator = false): User {
  return { id: 1, username, administrator } as User;
}

/** UsersService's three commands, recording what they were asked. */
function fakeUsers() {
  return {
    create: jest.fn((input: { username: string; administrator?: boolean }) =>
      Promise.resolve(user(input.username, input.administrator)),
    ),
    // The stored spelling, to show the output names the user as stored.
    setPassword: jest.fn(() => Promise.resolve(user('Alice'))),
    setAdministrator: jest.fn((_name: string, administrator: boolean) =>
      Promise.resolve(user('Alice', administrator)),
    ),
    setDisabled: jest.fn(() => Promise.resolve(user('Alice'))),
    delete: jest.fn(() => Promise.resolve(user('Alice'))),
  };
}

function io() {
  const lines: string[] = [];
  const logged: string[] = [];
  return {
    lines,
    logged,
    print: (line: string) => lines.push(line),
    log: (line: string) => logged.push(line),
    generatePassword: () => 'generated-password',
  };
}

describe('runCommand', () => {
  it('creates a user with a generated password and prints it once', async () => {
    const users = fakeUsers();
    const out = io();
    await runCommand(
      { name: 'create-user', username: 'alice', administrator: false },
      users,
      out,
    );
    expect(users.create).toHaveBeenCalledWith(
      {
        username: 'alice',
        password: 'generated-password',
        administrator: false,
      },
      NO_REQUEST,
    );
    expect(out.lines).toEqual([
      'Created the user "alice".',
      'Generated password (shown only once): generated-password',
    ]);
  });

  it('does not echo a password the operator gave', async () => {
    const users = fakeUsers();
    const out = io();
    await runCommand(
      {
        name: 'create-user',
        username: 'alice',
        administrator: true,
        password: 'given-password',
      },
      users,
      out,
    );
    expect(users.create).toHaveBeenCalledWith(
      {
        username: 'alice',
        password: 'given-password',
        administrator: true,
      },
      NO_REQUEST,
    );
    expect(out.lines).toEqual(['Created the administrator "alice".']);
  });

  it('sets a generated password and names the user as stored', async () => {
    const users = fakeUsers();
    const out = io();
    await runCommand({ name: 'set-password', username: 'ALICE' }, users, out);
    expect(users.setPassword).toHaveBeenCalledWith(
      'ALICE',
      'generated-password',
      NO_REQUEST,
    );
    expect(out.lines).toEqual([
      'Changed the password of "Alice".',
      'Generated password (shown only once): generated-password',
    ]);
  });

  it.each([
    [true, '"Alice" is now an administrator.'],
    [false, '"Alice" is no longer an administrator.'],
  ])('sets administrator to %s', async (administrator, line) => {
    const users = fakeUsers();
    const out = io();
    await runCommand(
      { name: 'set-administrator', username: 'alice', administrator },
      users,
      out,
    );
    expect(users.setAdministrator).toHaveBeenCalledWith(
      'alice',
      administrator,
      NO_REQUEST,
    );
    expect(out.lines).toEqual([line]);
  });

  it.each([
    [
      true,
      'Disabled "Alice": logins refused, sessions ended.',
      'disabled "Alice" (id 1)',
    ],
    [false, 'Enabled "Alice".', 'enabled "Alice" (id 1)'],
  ])('sets disabled to %s and logs it', async (disabled, line, logged) => {
    const users = fakeUsers();
    const out = io();
    await runCommand(
      { name: 'set-disabled', username: 'alice', disabled },
      users,
      out,
    );
    expect(users.setDisabled).toHaveBeenCalledWith(
      'alice',
      disabled,
      NO_REQUEST,
    );
    expect(out.lines).toEqual([line]);
    expect(out.logged).toEqual([logged]);
  });

  it('deletes a user with their invites and API keys, and logs it', async () => {
    const users = fakeUsers();
    const out = io();
    const owned = {
      invites: { deleteCreatedBy: jest.fn(() => Promise.resolve(2)) },
      apiKeys: { deleteCreatedBy: jest.fn(() => Promise.resolve(1)) },
    };
    await runCommand(
      { name: 'delete-user', username: 'alice' },
      users,
      out,
      owned,
    );
    expect(users.delete).toHaveBeenCalledWith(
      'alice',
      NO_REQUEST,
      expect.any(Function),
    );
    // UsersService runs the hook inside its transaction, with its manager.
    const [, , alsoDelete] = users.delete.mock.calls[0] as unknown as [
      string,
      unknown,
      (manager: unknown, user: User) => Promise<void>,
    ];
    const manager = { transaction: 'of the deletion' };
    await alsoDelete(manager, user('Alice'));
    for (const records of [owned.invites, owned.apiKeys]) {
      expect(records.deleteCreatedBy).toHaveBeenCalledWith(
        manager,
        1,
        NO_REQUEST,
      );
    }
    expect(out.lines).toEqual(['Deleted "Alice".']);
    expect(out.logged).toEqual(['deleted "Alice" (id 1)']);
  });

  it('logs every change, never the password', async () => {
    const users = fakeUsers();
    const out = io();
    await runCommand(
      { name: 'create-user', username: 'alice', administrator: false },
      users,
      out,
    );
    await runCommand({ name: 'set-password', username: 'alice' }, users, out);
    await runCommand(
      { name: 'set-administrator', username: 'alice', administrator: true },
      users,
      out,
    );
    expect(out.logged).toEqual([
      'created user "alice" (id 1)',
      'changed the password of "Alice" (id 1); sessions ended',
      'granted administrator rights of "Alice" (id 1)',
    ]);
    expect(out.logged.join('\n')).not.toContain('generated-password');
  });

  it('lets a domain error through and prints nothing', async () => {
    const users = fakeUsers();
    users.setPassword.mockRejectedValue(new UserNotFoundError('nobody'));
    const out = io();
    await expect(
      runCommand({ name: 'set-password', username: 'nobody' }, users, out),
    ).rejects.toThrow('user not found: nobody');
    expect(out.lines).toEqual([]);
  });
});

describe('generatePassword', () => {
  it('gives 22 URL-safe characters (16 random bytes), different each time', () => {
    const first = generatePassword();
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(generatePassword()).not.toBe(first);
  });
});
