import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './helpers/create-app';
import { INVITE_KEYS, InviteBody } from './helpers/invites';
import { runEntryPoint } from './helpers/run-entry-point';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

let databaseUrl: string;
let dataDir: string;

/** Runs the real CLI (src/cli/main.ts) against the test database, until it exits. */
function cli(...args: string[]) {
  return runEntryPoint('src/cli/main.ts', args, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    PUBLIC_URL: 'https://invites.example.com',
  });
}

/** The operator's log line a change leaves on stderr; reads leave none. */
const CHANGE_LINE =
  /^\S+ LOG \[Cli\] \S.*: (created|deleted|revoked|unrevoked) .+\n$/;

function json<T>(...args: string[]): T {
  const { status, stdout, stderr } = cli(...args, '--json');
  expect(status).toBe(0);
  expect(stderr === '' || CHANGE_LINE.test(stderr)).toBe(true);
  return JSON.parse(stdout) as T;
}

describe('operator CLI: invite commands (e2e)', () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-cli-'));
  });

  afterAll(async () => {
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to create invites while no administrator exists', () => {
    const { status, stderr } = cli('invite', 'create');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      'error: no administrator exists to create invites as',
    );
  });

  describe('with an administrator', () => {
    let batch: InviteBody[];

    beforeAll(() => {
      // No terminal and no --password-stdin: the CLI generates the password.
      const created = cli('create-user', 'boss', '--admin');
      expect(created.status).toBe(0);
      batch = json<InviteBody[]>(
        'invite',
        'create',
        '--count',
        '2',
        '--expires',
        '7d',
        '--max-uses',
        'unlimited',
        '--note',
        ' cli batch ',
      );
    });

    it('creates a batch and prints it as the API answers it with --json', () => {
      expect(batch).toHaveLength(2);
      for (const invite of batch) {
        expect(Object.keys(invite)).toEqual(INVITE_KEYS);
        expect(invite).toMatchObject({
          maxUses: null,
          note: 'cli batch',
          valid: true,
          url: `https://invites.example.com/invite/${invite.code}`,
        });
        const inSevenDays = Date.now() + 7 * 86_400_000;
        expect(
          Math.abs(Date.parse(invite.expiresAt as string) - inSevenDays),
        ).toBeLessThan(120_000);
      }
    });

    it('prints a table for people', () => {
      const { status, stdout } = cli('invite', 'create', '--max-uses', '3');
      expect(status).toBe(0);
      const [header, row, ...rest] = stdout.trimEnd().split('\n');
      expect(header).toMatch(/^ID\s+CODE\s+USES\s+EXPIRES\s+STATUS\s+NOTE$/);
      expect(row).toMatch(/^\d+\s+[A-Za-z0-9]{12}\s+0\/3\s+never\s+valid$/);
      expect(rest).toEqual([]);
    });

    it('leaves one line on stderr per change, naming the OS user, and none for a read', () => {
      const created = cli('invite', 'create', '--count', '2');
      expect(created.stderr).toMatch(CHANGE_LINE);
      expect(created.stderr).toMatch(/: created 2 invites \(ids \d+, \d+\)\n$/);
      const [first] = batch;
      const revoked = cli('invite', 'revoke', String(first.id));
      expect(revoked.stderr).toMatch(
        new RegExp(`: revoked invite "${first.code}" \\(id ${first.id}\\)\\n$`),
      );
      cli('invite', 'unrevoke', String(first.id));
      expect(cli('invite', 'show', String(first.id)).stderr).toBe('');
    });

    it('shows one invite by id and by code', () => {
      const [first] = batch;
      expect(json<InviteBody>('invite', 'show', String(first.id))).toEqual(
        first,
      );
      expect(json<InviteBody>('invite', 'show', first.code)).toEqual(first);
    });

    it('revokes and unrevokes, and lists with --revoked, --valid and --limit', () => {
      const [first, second] = batch;
      const revoked = json<InviteBody>('invite', 'revoke', first.code);
      expect(revoked).toMatchObject({ id: first.id, valid: false });
      expect(revoked.revokedAt).toEqual(expect.any(String));

      const ids = (invites: InviteBody[]) => invites.map((i) => i.id);
      expect(ids(json('invite', 'list', '--revoked'))).toEqual([first.id]);
      const valid = ids(json('invite', 'list', '--valid'));
      expect(valid).toContain(second.id);
      expect(valid).not.toContain(first.id);
      expect(json<InviteBody[]>('invite', 'list', '--limit', '1')).toHaveLength(
        1,
      );

      const table = cli('invite', 'list', '--revoked');
      expect(table.stdout).toMatch(
        new RegExp(
          `^${first.id}\\s+${first.code}\\s+0/∞\\s+\\S+\\s+revoked\\s+cli batch$`,
          'm',
        ),
      );

      const restored = json<InviteBody>('invite', 'unrevoke', String(first.id));
      expect(restored).toEqual(first);
    });

    it('deletes by code; the invite is gone (exit 1, one line)', () => {
      const [, second] = batch;
      expect(json<InviteBody>('invite', 'delete', second.code)).toEqual(second);
      const { status, stdout, stderr } = cli('invite', 'show', second.code);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim()).toBe('error: invite not found');
    });
  });

  it.each([
    [
      ['create', '--max-uses', '0'],
      'invalid --max-uses "0": use a whole number from 1 or unlimited',
    ],
    [
      ['create', '--expires', 'yesterday'],
      'invalid --expires "yesterday": use never, a duration such as 7d, or a date',
    ],
    [
      ['create', '--count', '2.5'],
      'invalid --count "2.5": use a whole number from 1 to 10000',
    ],
    [
      ['create', '--note', 'x'.repeat(501)],
      'invalid --note: at most 500 characters',
    ],
    [
      ['list', '--limit', '0'],
      'invalid --limit "0": use a whole number from 1 to 1000',
    ],
    [['list', '--bogus'], "Unknown option '--bogus'"],
    [['show'], 'invite show needs one id or code'],
    [['revoke', '1', '2'], 'invite revoke needs one id or code'],
    [['frob'], 'unknown invite action "frob"'],
    [[], 'invite needs an action'],
  ])('answers invite %j with one line and exit code 2', (args, error) => {
    const { status, stdout, stderr } = cli('invite', ...args);
    expect({ status, stdout, stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `error: ${error}\n`,
    });
  });
});
