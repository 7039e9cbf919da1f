import { verify } from '@node-rs/argon2';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TEST_JWT_SECRET } from './helpers/create-app';
import { runEntryPoint } from './helpers/run-entry-point';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

const GENERATED = /^Generated password \(shown only once\): (\S+)$/m;

let databaseUrl: string;
let dataDir: string;
let db: Client;

/** Runs the real CLI (src/cli/main.ts) against the test database, until it exits. */
function cli(...args: string[]) {
  return cliWithInput(undefined, ...args);
}

function cliWithInput(input: string | undefined, ...args: string[]) {
  return runEntryPoint(
    'src/cli/main.ts',
    args,
    {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_PASSWORD: 'admin-password-for-tests',
    },
    input,
  );
}

/** The operator log line every change leaves on stderr. */
const LOG_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z LOG \[Cli\] \S+: /;

async function findUser(username: string) {
  const { rows } = await db.query<{
    username: string;
    password_hash: string;
    administrator: boolean;
  }>(
    'SELECT username, password_hash, administrator FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  return rows;
}

async function passwordHash(username: string): Promise<string> {
  const [row] = await findUser(username);
  return row.password_hash;
}

async function isAdministrator(username: string): Promise<boolean> {
  const [row] = await findUser(username);
  return row.administrator;
}

const ERIN_PASSWORD = 'erin-first-password';

describe('operator CLI (e2e)', () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-cli-'));
    // The first run meets an empty database: the CLI must migrate it first.
    const seeded = cliWithInput(
      `${ERIN_PASSWORD}\n`,
      'create-user',
      'Erin',
      '--password-stdin',
    );
    expect(seeded.status).toBe(0);
    expect(seeded.stderr).toMatch(LOG_LINE);
    expect(seeded.stderr).toContain('created user "Erin"');
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses DATABASE_URL and starts no embedded server', () => {
    // EmbeddedDatabase.start always writes its password file into DATA_DIR.
    expect(existsSync(join(dataDir, 'postgres-password'))).toBe(false);
  });

  it('creates an ordinary user with a generated password, printed once', async () => {
    const { status, stdout } = cli('create-user', 'frank');
    expect(status).toBe(0);
    expect(stdout).toContain('Created the user "frank".');
    const password = GENERATED.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const rows = await findUser('frank');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'frank', administrator: false });
    await expect(verify(rows[0].password_hash, password!)).resolves.toBe(true);
    await expect(verify(rows[0].password_hash, 'not-it-at-all')).resolves.toBe(
      false,
    );
  });

  it('creates an administrator with the password from stdin, without echoing or logging it', async () => {
    const { status, stdout, stderr } = cliWithInput(
      'grace-password\nignored second line\n',
      'create-user',
      'Grace',
      '--admin',
      '--password-stdin',
    );
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('Created the administrator "Grace".');
    expect(stderr).not.toContain('grace-password');
    const [row] = await findUser('grace');
    expect(row).toMatchObject({ username: 'Grace', administrator: true });
    await expect(verify(row.password_hash, 'grace-password')).resolves.toBe(
      true,
    );
  });

  it('set-password replaces the hash: the new password verifies, the old one no longer does', async () => {
    const before = await passwordHash('erin');
    await expect(verify(before, ERIN_PASSWORD)).resolves.toBe(true);

    // Looked up ignoring case, like login.
    const { status, stdout } = cli('set-password', 'ERIN');
    expect(status).toBe(0);
    expect(stdout).toContain('Changed the password of "Erin".');
    const password = GENERATED.exec(stdout)?.[1];
    expect(password).toBeDefined();

    const after = await passwordHash('erin');
    expect(after).not.toBe(before);
    await expect(verify(after, password!)).resolves.toBe(true);
    await expect(verify(after, ERIN_PASSWORD)).resolves.toBe(false);
  });

  it('grant-admin and revoke-admin flip the administrator column', async () => {
    expect(await isAdministrator('erin')).toBe(false);

    const granted = cli('grant-admin', 'erin');
    expect(granted.status).toBe(0);
    expect(granted.stdout.trim()).toBe('"Erin" is now an administrator.');
    expect(await isAdministrator('erin')).toBe(true);

    const revoked = cli('revoke-admin', 'erin');
    expect(revoked.status).toBe(0);
    expect(revoked.stdout.trim()).toBe('"Erin" is no longer an administrator.');
    expect(await isAdministrator('erin')).toBe(false);
  });

  it('refuses a password in the command line, before touching the database (exit code 2)', () => {
    const { status, stderr } = cli(
      'create-user',
      'henry',
      '--password',
      'henry-password',
    );
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^error: --password is not accepted: other users can read the command line/,
    );
    // A known command's mistake is that one line, without the usage text.
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a short password from stdin with exit code 1, creating nothing', async () => {
    const { status, stderr } = cliWithInput(
      'short\n',
      'create-user',
      'henry',
      '--password-stdin',
    );
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      'error: the password must be 8 to 256 characters long',
    );
    expect(await findUser('henry')).toHaveLength(0);
  });

  it('refuses a username taken in another letter case with exit code 1', async () => {
    const before = await passwordHash('erin');
    const { status, stdout, stderr } = cliWithInput(
      'another-password\n',
      'create-user',
      'ERIN',
      '--password-stdin',
    );
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('error: username already exists');
    expect(stdout).toBe('');
    const rows = await findUser('erin');
    expect(rows).toHaveLength(1);
    expect(rows[0].password_hash).toBe(before);
  });

  it('reports an unknown user with exit code 1', () => {
    const { status, stderr } = cli('grant-admin', 'nobody');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe('error: user not found: nobody');
  });

  it('answers no command with the usage text and exit code 2', () => {
    const { status, stdout, stderr } = cli();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: no command given\n/);
    expect(stderr).toContain('Usage: npm run cli -- <command> [options]');
  });

  it('answers an unknown command with the usage text and exit code 2', () => {
    const { status, stdout, stderr } = cli('remove-user', 'erin');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: unknown command "remove-user"\n/);
    expect(stderr).toContain('Usage: npm run cli -- <command> [options]');
    expect(stderr).toContain('create-user <username> [--admin]');
  });

  it("deletes a user's invites and API keys with an audit entry each", async () => {
    expect(cli('create-user', 'olga', '--admin').status).toBe(0);
    const [{ id }] = (
      await db.query<{ id: number }>(
        `SELECT id FROM users WHERE username = 'olga'`,
      )
    ).rows;
    const idsOf = (result: { rows: { id: number }[] }) =>
      result.rows.map((row) => String(row.id)).sort();
    const owned = {
      invites: idsOf(
        await db.query<{ id: number }>(
          `INSERT INTO invites (code, created_by_id)
           VALUES ('olga-invite-1', $1), ('olga-invite-2', $1) RETURNING id`,
          [id],
        ),
      ),
      api_keys: idsOf(
        await db.query<{ id: number }>(
          `INSERT INTO api_keys (name, scopes, prefix, key_hash, created_by_id)
           VALUES ('one', '{invites:read}', 'aaaaaaaa', 'hash-olga-1', $1),
                  ('two', '{invites:read}', 'bbbbbbbb', 'hash-olga-2', $1)
           RETURNING id`,
          [id],
        ),
      ),
    };
    expect(cli('delete-user', 'olga').status).toBe(0);
    for (const [table, ids] of Object.entries(owned)) {
      const action = `${table === 'invites' ? 'invite' : 'api_key'}.deleted`;
      const audited = await db.query<{ target_id: string }>(
        `SELECT target_id FROM audit_log
         WHERE action = $1 AND target_id = ANY($2) ORDER BY target_id`,
        [action, ids],
      );
      expect(audited.rows.map((row) => row.target_id)).toEqual(ids);
      const left = await db.query(
        `SELECT 1 FROM ${table} WHERE created_by_id = $1`,
        [id],
      );
      expect(left.rows).toHaveLength(0);
    }
  });

  it('records each user change in the audit log, with no actor and no password', async () => {
    const create = cliWithInput(
      'ivan-password-1\n',
      'create-user',
      'ivan',
      '--password-stdin',
    );
    expect(create.status).toBe(0);
    const [{ id }] = (
      await db.query<{ id: number }>(
        `SELECT id FROM users WHERE username = 'ivan'`,
      )
    ).rows;
    for (const command of [
      'set-password',
      'grant-admin',
      'revoke-admin',
      'disable-user',
      'enable-user',
      'delete-user',
    ]) {
      expect(cli(command, 'ivan').status).toBe(0);
    }
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT action, actor_user_id, actor_api_key_id, target_type, request_id, ip
       FROM audit_log WHERE target_id = $1 AND target_type = 'user' ORDER BY id`,
      [String(id)],
    );
    expect(rows.map((row) => row.action)).toEqual([
      'user.created',
      'user.password_changed',
      'user.administrator_granted',
      'user.administrator_revoked',
      'user.disabled',
      'user.enabled',
      'user.deleted',
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actor_user_id: null,
        actor_api_key_id: null,
        request_id: null,
        ip: null,
      });
    }
    const all = await db.query('SELECT * FROM audit_log');
    expect(JSON.stringify(all.rows)).not.toContain('ivan-password-1');
  });

  it('leaves no audit entry when a change is refused', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(cli('grant-admin', 'nobody').status).toBe(1);
    const after = await db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});
