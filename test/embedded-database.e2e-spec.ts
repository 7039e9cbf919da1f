import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  EMBEDDED_DATABASE_NAME,
  EMBEDDED_ROLE,
  EmbeddedDatabase,
  ensurePrivateDir,
} from '../src/database/embedded-database';
import { provideEmbeddedBinaries } from './helpers/embedded-binaries';

provideEmbeddedBinaries();

describe('embedded PostgreSQL (e2e)', () => {
  let dir: string;
  let database: EmbeddedDatabase | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'invite-service-embedded-'));
    chmodSync(dir, 0o755);
  });

  afterAll(async () => {
    await database?.stop({ force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects the service as a role that owns its database and is no superuser', async () => {
    database = await EmbeddedDatabase.start({ dataDir: dir, log: () => {} });
    const url = new URL(database.url);
    expect(url.username).toBe(EMBEDDED_ROLE);
    expect(url.pathname).toBe(`/${EMBEDDED_DATABASE_NAME}`);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{
        rolsuper: boolean;
        rolcreatedb: boolean;
        owner: string;
      }>(
        `SELECT r.rolsuper, r.rolcreatedb, pg_get_userbyid(d.datdba) AS owner
         FROM pg_roles r, pg_database d
         WHERE r.rolname = current_user AND d.datname = current_database()`,
      );
      expect(rows).toEqual([
        { rolsuper: false, rolcreatedb: false, owner: EMBEDDED_ROLE },
      ]);
      // It can create its tables (migrations) but not read server files.
      await client.query('CREATE TABLE probe (id int)');
      await expect(
        client.query(`SELECT pg_read_file('postgresql.conf')`),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('refuses a server named by postmaster.pid that serves another data directory', async () => {
    // A second cluster whose postmaster.pid points at the first server.
    const other = mkdtempSync(join(tmpdir(), 'invite-service-embedded-'));
    chmodSync(other, 0o755);
    try {
      const clusterDir = join(other, 'postgres');
      const stolen = readFileSync(
        join(dir, 'postgres', 'postmaster.pid'),
        'utf8',
      );
      mkdirSync(clusterDir, { mode: 0o700 });
      writeFileSync(join(clusterDir, 'postmaster.pid'), stolen);
      // Same superuser password, so the check, not a login failure, refuses it.
      writeFileSync(
        join(other, 'postgres-password'),
        readFileSync(join(dir, 'postgres-password')),
      );
      await expect(
        EmbeddedDatabase.start({ dataDir: other, log: () => {} }),
      ).rejects.toThrow(/serves .* not this cluster; refusing to use it/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('ensurePrivateDir', () => {
  const me = { uid: process.getuid!(), gid: process.getgid!() };
  let parent: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'private-dir-'));
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('creates the folder with mode 0700 and accepts it again', () => {
    const dir = join(parent, 'fallback');
    ensurePrivateDir(dir, me);
    ensurePrivateDir(dir, me);
  });

  it('refuses a symlink planted under its name, without following it', () => {
    const target = join(parent, 'target');
    mkdirSync(target, { mode: 0o700 });
    const dir = join(parent, 'fallback');
    symlinkSync(target, dir);
    expect(() => ensurePrivateDir(dir, me)).toThrow(
      /Refusing to use .*: it is not a directory \(a symlink\?\)/,
    );
  });

  it('refuses a folder with another mode', () => {
    const dir = join(parent, 'fallback');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(() => ensurePrivateDir(dir, me)).toThrow(/its mode is 777, not 700/);
  });

  it('refuses a folder owned by someone else', () => {
    const dir = join(parent, 'fallback');
    mkdirSync(dir, { mode: 0o700 });
    expect(() =>
      ensurePrivateDir(dir, { uid: me.uid + 1, gid: me.gid }),
    ).toThrow(new RegExp(`it is owned by uid ${me.uid}, not ${me.uid + 1}`));
  });
});
