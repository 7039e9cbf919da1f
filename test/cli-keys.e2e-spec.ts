import { runEntryPoint } from './helpers/run-entry-point';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

describe('CLI key commands (e2e)', () => {
  let databaseUrl: string;
  const cli = (...args: string[]) =>
    runEntryPoint('src/cli/main.ts', args, {
      DATABASE_URL: databaseUrl,
      ADMIN_USERNAME: 'root',
      JWT_SECRET: 'cli-keys-tests-jwt-secret-0123456789abcdef',
    });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  afterAll(() => dropTestDatabase(databaseUrl));

  it('names the user a key would act as when that user is missing or not an administrator', () => {
    const create = (...extra: string[]) =>
      cli('key', 'create', '--name', 'x', '--scopes', 'invites:read', ...extra);
    expect(create()).toMatchObject({
      status: 1,
      stderr:
        'error: user not found: root (ADMIN_USERNAME; choose another with --as <username>)\n',
    });
    expect(cli('create-user', 'plain').status).toBe(0);
    expect(create('--as', 'plain')).toMatchObject({
      status: 1,
      stderr: 'error: "plain" is not an administrator\n',
    });
    expect(create('--as', 'nobody')).toMatchObject({
      status: 1,
      stderr: 'error: user not found: nobody\n',
    });
  });

  it('creates, lists and deletes a key acting as ADMIN_USERNAME', () => {
    expect(
      // No terminal and no --password-stdin: the CLI generates the password.
      cli('create-user', 'root', '--admin').status,
    ).toBe(0);
    const created = cli(
      'key',
      'create',
      '--name',
      'billing',
      '--scopes',
      'invites:write,invites:read',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const key = /Key \(shown only once\): (isk_[A-Za-z0-9]+)/.exec(
      created.stdout,
    )?.[1];
    expect(key).toBeDefined();
    const id = /Created API key (\d+)/.exec(created.stdout)?.[1] as string;

    const list = cli('key', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('billing');
    expect(list.stdout).toContain('invites:read,invites:write');
    expect(list.stdout).not.toContain(key);

    expect(cli('key', 'delete', id).status).toBe(0);
    expect(cli('key', 'delete', id)).toMatchObject({
      status: 1,
      stderr: 'error: api key not found\n',
    });
  });

  it('refuses unknown scopes before touching the database', () => {
    const result = cli(
      'key',
      'create',
      '--name',
      'x',
      '--scopes',
      'everything',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: invalid scopes');
  });
});
