import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { format } from 'prettier';
import { validateEnvironment } from '../src/config/env.validation';
import { EmbeddedDatabase } from '../src/database/embedded-database';
import {
  HTTP_PLATFORMS,
  type HttpPlatformName,
} from '../src/http/http-platform';
import { renderChart } from './chart';
import {
  freePort,
  procStatusKb,
  resetPeakRss,
  sleep,
  waitForExit,
} from '../scripts/lib/child-process-tools';
import { table } from '../scripts/lib/text-table';
import { summariseProfile, type ProfileSummary } from './profile';
import { bodyDifferences } from './shape-check';

/**
 * Usage: npm run build && npm run bench
 *
 * Loopback only, bounded (7-8 minutes with the defaults on 2 CPUs, both
 * platforms), stops by itself. Runs dist/main.js as is: it compiles only bench/.
 *
 * 1. PostgreSQL: DATABASE_URL when set (a fresh database is created on that
 *    server for the run and dropped afterwards), else an embedded one in a
 *    fresh temporary DATA_DIR.
 * 2. One service process per platform (`node dist/main.js` with
 *    HTTP_PLATFORM=express, then =fastify; NODE_ENV=production,
 *    RATE_LIMIT_AUTH=0), each on its own port, on the same database (the
 *    embedded cluster is shared through DATA_DIR), and the raw baseline
 *    (bench/baseline/server.ts: node:http + pg, the least work the contract
 *    allows), all child processes on 127.0.0.1. Only one of them is under
 *    load at a time.
 * 3. Before measuring, the same requests go to every server and the bodies
 *    are compared (bench/shape-check.ts): the baseline must answer the same
 *    JSON, key for key and byte for byte, or the run stops.
 * 4. autocannon drives each scenario against every server, rotating the
 *    order each rep; the invite table is seeded with 100 then 10,000 rows and
 *    cleaned between runs.
 * 5. The time from spawn to the first 200 on /api/health is measured for
 *    each platform on restarts with the database already initialised.
 *
 * Prints one table per platform and writes bench/results/latest.json and
 * docs/benchmarks.svg.
 *
 * Env: BENCH_PLATFORMS (express,fastify by default; one of them to measure
 * only that one), BENCH_DURATION (s per run, default 6), BENCH_CONNECTIONS
 * (10), BENCH_REPS (repetitions of each scenario compared with the baseline,
 * and of the warm restarts, default 3), BENCH_CPU_PROF=1 (run the services
 * under --cpu-prof and print where their time went; the figures are then
 * slower than usual), BENCH_ONLY (run only the scenarios whose name contains
 * it, e.g. "list(100)": for a focused profile), INVITES_LENGTH (passed to
 * the services and the baseline alike; default the service's).
 */

type Platform = HttpPlatformName;
type ServerName = Platform | 'baseline';

// Compiled by `npm run bench` into .tmp/bench/bench/ and run from there
// (docs/benchmarks.md says why it does not run under ts-node).
const ROOT = resolve(__dirname, '..', '..', '..');
const PUBLIC_URL = 'https://invites.example.com';
const MAIN = join(ROOT, 'dist', 'main.js');
const BASELINE = join(__dirname, 'baseline', 'server.js');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const RESULTS = join(RESULTS_DIR, 'latest.json');
const CHART = join(ROOT, 'docs', 'benchmarks.svg');
const HOST = '127.0.0.1';
const ADMIN_USERNAME = 'administrator';

const DURATION_S = positiveInteger('BENCH_DURATION', 6);
const CONNECTIONS = positiveInteger('BENCH_CONNECTIONS', 10);
const REPS = positiveInteger('BENCH_REPS', 3);
const WARMUP_S = 2;
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const ONLY = process.env.BENCH_ONLY;
const PLATFORMS = platformsToMeasure();
/** The service's code length, read as the service reads it; given to both sides. */
const CODE_LENGTH = validateEnvironment({
  INVITES_LENGTH: process.env.INVITES_LENGTH,
  FEATURES_INVITES_LENGTH: process.env.FEATURES_INVITES_LENGTH,
}).INVITES_LENGTH;
/** Seeded codes have another length than the services' codes: they never collide. */
const SEED_CODE_LENGTH = CODE_LENGTH < 64 ? CODE_LENGTH + 1 : CODE_LENGTH - 1;

const WEBHOOK_SCENARIO = 'POST count=100, one webhook';

/**
 * Median ratios (platform / baseline req/s) of issue 10 item 7; for the
 * webhook scenario, its req/s / POST count=100's on the same platform
 * (issue 13, on the default platform).
 */
const TARGETS: Record<Platform, Record<string, number>> = {
  express: {
    'GET list(100)': 0.75,
    'POST count=100': 0.85,
    [WEBHOOK_SCENARIO]: 0.9,
  },
  fastify: {
    'GET list(100)': 0.9,
    'POST count=100': 0.9,
    'GET /api/auth/me': 0.8,
  },
};

const CHART_COLORS: Record<ServerName, string> = {
  express: '#3b6fd8',
  fastify: '#2f9e6e',
  baseline: '#9aa5b1',
};

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function platformsToMeasure(): Platform[] {
  const raw = process.env.BENCH_PLATFORMS;
  if (raw === undefined || raw.trim() === '') return [...HTTP_PLATFORMS];
  const names = raw
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const known: readonly string[] = HTTP_PLATFORMS;
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length || names.length === 0) {
    throw new Error(
      `BENCH_PLATFORMS must be a comma-separated list of ${HTTP_PLATFORMS.join(', ')}, got "${raw}"`,
    );
  }
  return HTTP_PLATFORMS.filter((platform) => names.includes(platform));
}

// ------------------------------------------------------------------ helpers

function log(message: string): void {
  console.log(`bench: ${message}`);
}

function call(
  port: number,
  method: string,
  path: string,
  options: { token?: string; json?: unknown } = {},
): Promise<{ status: number; body: string }> {
  const body =
    options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((done, reject) => {
    const req = request(
      { host: HOST, port, method, path, headers, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Polls /api/health every 25 ms; returns the milliseconds since `since`. */
async function waitForHealth(
  child: ChildProcess,
  port: number,
  since: number,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (exited(child)) {
      throw new Error(`pid ${child.pid} exited during start-up`);
    }
    try {
      const response = await call(port, 'GET', '/api/health');
      if (response.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`no 200 from /api/health within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess, name: string): Promise<void> {
  if (exited(child)) return;
  child.kill('SIGTERM');
  const exit = await waitForExit(child, 30_000);
  if (exit === null) {
    log(`${name} did not exit within 30 s of SIGTERM; killing it`);
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  } else if (exit !== 0) {
    log(`${name} exited with ${String(exit)}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

const CODE_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Distinct codes of SEED_CODE_LENGTH characters. */
function codes(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    let code = '';
    for (const byte of randomBytes(SEED_CODE_LENGTH)) {
      code += CODE_ALPHABET[byte % 62];
    }
    out.add(code);
  }
  return [...out];
}

// ---------------------------------------------------------------- processes

interface Server {
  name: ServerName;
  child: ChildProcess;
  port: number;
}

async function startService(
  platform: Platform,
  workDir: string,
  env: NodeJS.ProcessEnv,
  label: string,
  profileDir?: string,
): Promise<{ server: Server; startupMs: number }> {
  const port = await freePort(HOST);
  const logFd = openSync(join(workDir, `${platform}-${label}.log`), 'a');
  const args = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, MAIN]
    : [MAIN];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: { ...env, HTTP_PLATFORM: platform, PORT: String(port) },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  children.add(child);
  const startupMs = await waitForHealth(child, port, started);
  return { server: { name: platform, child, port }, startupMs };
}

async function startBaseline(
  workDir: string,
  databaseUrl: string,
  jwtSecret: string,
): Promise<Server> {
  const port = await freePort(HOST);
  const logFd = openSync(join(workDir, 'baseline.log'), 'a');
  const child = spawn(process.execPath, [BASELINE], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      NODE_ENV: 'production',
      INVITES_LENGTH: String(CODE_LENGTH),
      PUBLIC_URL,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  children.add(child);
  await waitForHealth(child, port, performance.now(), 30_000);
  return { name: 'baseline', child, port };
}

const children = new Set<ChildProcess>();
/** Removed after a successful run; kept (with the servers' logs) after a failure. */
let keptWorkDir: string | undefined;

// ------------------------------------------------------------ shape check

/**
 * The same requests to every server, bodies compared with the first
 * platform's: GET list and /me must be byte for byte the same (same rows),
 * a POST's keys, their order and the kinds of the values. Throws with every
 * difference: a baseline that writes less JSON than the service would
 * otherwise flatter the ratios silently.
 */
async function checkShapes(
  services: Server[],
  baseline: Server,
  token: string,
): Promise<void> {
  const probes: {
    label: string;
    method: string;
    path: string;
    json?: unknown;
    sameRows: boolean;
  }[] = [
    {
      label: 'GET /api/auth/invite (5 seeded rows)',
      method: 'GET',
      path: '/api/auth/invite',
      sameRows: true,
    },
    {
      label: 'GET /api/auth/me',
      method: 'GET',
      path: '/api/auth/me',
      sameRows: true,
    },
    {
      label: 'POST /api/auth/invite {"count":1}',
      method: 'POST',
      path: '/api/auth/invite',
      json: { count: 1 },
      sameRows: false,
    },
    {
      label: 'POST /api/auth/invite {"count":3}',
      method: 'POST',
      path: '/api/auth/invite',
      json: { count: 3 },
      sameRows: false,
    },
  ];
  const problems: string[] = [];
  for (const probe of probes) {
    const answers = new Map<ServerName, { status: number; body: string }>();
    for (const server of [...services, baseline]) {
      answers.set(
        server.name,
        await call(server.port, probe.method, probe.path, {
          token,
          json: probe.json,
        }),
      );
    }
    for (const [name, answer] of answers) {
      if (answer.status !== 200) {
        problems.push(
          `${probe.label}: ${name} answered ${answer.status} ${answer.body.slice(0, 200)}`,
        );
      }
    }
    const base = answers.get('baseline');
    for (const service of services) {
      const answer = answers.get(service.name);
      if (!answer || !base || answer.status !== 200 || base.status !== 200) {
        continue;
      }
      for (const difference of bodyDifferences(
        answer.body,
        base.body,
        probe.sameRows,
      )) {
        problems.push(
          `${probe.label}, ${service.name} vs baseline: ${difference}`,
        );
      }
    }
  }
  if (problems.length) {
    throw new Error(
      `the baseline's JSON is not the service's; fix toInvite/toUser (and COLUMNS) in bench/baseline/server.ts:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
    );
  }
  log(
    `shape check: ${probes.length} requests, the baseline's bodies match ${services
      .map((s) => s.name)
      .join(' and ')}`,
  );
}

// ------------------------------------------------------------------ driving

interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  durationS: number;
}

interface Target {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Builds each request's path or body (one code or one username per request). */
  setupRequest?: autocannon.Request['setupRequest'];
}

async function drive(
  server: Server,
  target: Target,
  durationS: number,
): Promise<Run> {
  const headers: Record<string, string> = {};
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  if (target.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: `http://${HOST}:${server.port}`,
    connections: CONNECTIONS,
    duration: durationS,
    timeout: 30,
    // autocannon calls setupRequest if the key is present, even when undefined.
    requests: [
      {
        method: target.method,
        path: target.path,
        headers,
        ...(target.body === undefined
          ? {}
          : { body: JSON.stringify(target.body) }),
        ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}),
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
  };
}

interface Scenario {
  name: string;
  note?: string;
  /** Per server, one run per rep, in rep order. */
  runs: Partial<Record<ServerName, Run[]>>;
  /** Peak RSS (VmHWM) per platform after the scenario. */
  vmHwmMb?: Partial<Record<Platform, number>>;
  /**
   * Per platform, runs of the same requests without the scenario's feature,
   * each taken next to the run of the same index: the ratio is against
   * these, not the baseline.
   */
  reference?: Partial<Record<ServerName, Run[]>>;
}

const scenarios: Scenario[] = [];

function describe(run: Run): string {
  const problems =
    run.non2xx || run.errors
      ? `  (non-2xx ${run.non2xx}, errors ${run.errors})`
      : '';
  return `${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms${problems}`;
}

function selected(name: string): boolean {
  return !ONLY || name.includes(ONLY);
}

/**
 * A superuser connection to the database under test while scenarios run
 * (CHECKPOINT needs one; the embedded cluster's service role is not).
 */
let settlePool: Pool | undefined;
let checkpointRefused = false;

/**
 * Before every measured run: the work PostgreSQL defers after the runs
 * before it (autovacuum of the rows they inserted, dirty buffers to write)
 * is done now, so that it does not fall on whichever server runs next.
 */
async function settleDatabase(): Promise<void> {
  if (!settlePool) return;
  await settlePool.query('VACUUM ANALYZE');
  if (!checkpointRefused) {
    try {
      await settlePool.query('CHECKPOINT');
    } catch (error) {
      checkpointRefused = true;
      log(
        `CHECKPOINT refused (${(error as Error).message}); runs start without`,
      );
    }
  }
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const { rows } = await settlePool.query<{ workers: number }>(
      `SELECT count(*)::int AS workers FROM pg_stat_activity
       WHERE backend_type = 'autovacuum worker'`,
    );
    if (rows[0].workers === 0) return;
    await sleep(100);
  }
  log('autovacuum still busy after 30 s; measuring anyway');
}

/**
 * Warms each server up, then runs `reps` measured rounds; each round starts
 * with the next server in turn (rotation), so every server takes every
 * position once in as many rounds as there are servers. `before` runs before
 * every run, warm-ups included (cleanup, refilling a pool of codes).
 */
async function scenario(
  name: string,
  servers: Server[],
  target: (server: Server) => Target,
  options: {
    reps?: number;
    before?: () => Promise<void>;
    note?: string;
  } = {},
): Promise<Scenario | undefined> {
  if (!selected(name)) return undefined;
  const result: Scenario = { name, note: options.note, runs: {} };
  for (const server of servers) {
    result.runs[server.name] = [];
    await options.before?.();
    await drive(server, target(server), WARMUP_S);
  }
  const reps = options.reps ?? 1;
  for (let rep = 0; rep < reps; rep += 1) {
    const order = servers.map((_, i) => servers[(i + rep) % servers.length]);
    for (const server of order) {
      await options.before?.();
      await settleDatabase();
      const run = await drive(server, target(server), DURATION_S);
      result.runs[server.name]?.push(run);
      log(`${name} [${server.name} ${rep + 1}/${reps}] ${describe(run)}`);
    }
  }
  scenarios.push(result);
  return result;
}

/**
 * A feature's price on each server: every rep runs the same requests with
 * the feature off and on, next to each other (the order alternating from
 * rep to rep), so a drift of the machine or the database between runs
 * falls on both alike. `feature(on)` switches it before each run.
 */
async function pairedScenario(
  name: string,
  servers: Server[],
  target: (server: Server) => Target,
  options: {
    reps: number;
    feature: (on: boolean) => Promise<void>;
    before?: () => Promise<void>;
    note?: string;
  },
): Promise<void> {
  if (!selected(name)) return;
  const result: Scenario = {
    name,
    note: options.note,
    runs: {},
    reference: {},
  };
  const run = async (server: Server, on: boolean, seconds: number) => {
    await options.before?.();
    await options.feature(on);
    if (seconds === DURATION_S) await settleDatabase();
    return drive(server, target(server), seconds);
  };
  for (const server of servers) {
    result.runs[server.name] = [];
    result.reference![server.name] = [];
    await run(server, true, WARMUP_S);
  }
  for (let rep = 0; rep < options.reps; rep += 1) {
    const order = servers.map((_, i) => servers[(i + rep) % servers.length]);
    for (const server of order) {
      for (const on of rep % 2 === 0 ? [false, true] : [true, false]) {
        const measured = await run(server, on, DURATION_S);
        (on ? result.runs : result.reference!)[server.name]?.push(measured);
        log(
          `${name} [${server.name} ${rep + 1}/${options.reps}, ${on ? 'on' : 'off'}] ${describe(measured)}`,
        );
      }
    }
  }
  await options.feature(false);
  scenarios.push(result);
}

/**
 * Runs `body` with one webhook, whose URL is a receiver on 127.0.0.1
 * answering 204. `subscribe(true)` points it at invite.created,
 * `subscribe(false)` at user.registered (which the POSTs never emit), and
 * both empty the job queue, so each run starts from the same tables. The
 * webhook and the jobs are gone afterwards.
 */
async function withWebhook<T>(
  port: number,
  token: string,
  db: Pool,
  body: (subscribe: (on: boolean) => Promise<void>) => Promise<T>,
): Promise<T> {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) =>
    receiver.listen(0, '127.0.0.1', resolve),
  );
  const receiverPort = (receiver.address() as AddressInfo).port;
  const created = await call(port, 'POST', '/api/webhooks', {
    token,
    json: {
      url: `http://127.0.0.1:${receiverPort}/hook`,
      events: ['invite.created'],
    },
  });
  if (created.status !== 200) {
    throw new Error(`webhook: ${created.status} ${created.body}`);
  }
  const { id } = JSON.parse(created.body) as { id: number };
  const dropJobs = () =>
    db.query(`DELETE FROM pgboss.job WHERE name LIKE 'webhook-%'`);
  const subscribe = async (on: boolean) => {
    await db.query('UPDATE webhooks SET events = $1 WHERE id = $2', [
      [on ? 'invite.created' : 'user.registered'],
      id,
    ]);
    await dropJobs();
  };
  try {
    return await body(subscribe);
  } finally {
    await call(port, 'DELETE', `/api/webhooks/${id}`, { token });
    await dropJobs();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
}

// ----------------------------------------------------------------- summary

interface Figures {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface PlatformRow {
  scenario: string;
  reps: number;
  service: Figures;
  baseline?: Figures;
  /** Median over reps of (platform req/s / baseline req/s in the same rep). */
  ratio?: number;
  target?: number;
  vmHwmMb?: number;
  note?: string;
}

function figures(runs: Run[] | undefined): Figures | undefined {
  if (!runs?.length) return undefined;
  return {
    rps: median(runs.map((r) => r.rps)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

function platformRows(platform: Platform): PlatformRow[] {
  const rows: PlatformRow[] = [];
  for (const s of scenarios) {
    const runs = s.runs[platform];
    const service = figures(runs);
    if (!runs || !service) continue;
    const baselineRuns = s.runs.baseline;
    const ratios =
      baselineRuns?.length === runs.length
        ? runs.map((run, i) => run.rps / baselineRuns[i].rps)
        : [];
    const reference = s.reference?.[platform];
    if (reference?.length === runs.length) {
      ratios.push(...runs.map((run, i) => run.rps / reference[i].rps));
    }
    rows.push({
      scenario: s.name,
      reps: runs.length,
      service,
      baseline: figures(baselineRuns),
      ratio: ratios.length ? median(ratios) : undefined,
      target: TARGETS[platform][s.name],
      vmHwmMb: s.vmHwmMb?.[platform],
      note: s.note,
    });
  }
  return rows;
}

// --------------------------------------------------------------------- main

interface StartTime {
  platform: Platform;
  label: string;
  /** One per start; `ms` is their median. */
  samples: number[];
  ms: number;
}

async function main(): Promise<number> {
  if (process.platform !== 'linux') {
    console.error('bench: needs Linux (/proc)');
    return 1;
  }
  if (!existsSync(MAIN)) {
    console.error(
      `bench: ${MAIN} is missing. \`npm run bench\` does not build the service: run \`npm run build\` first.`,
    );
    return 1;
  }
  const began = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'invite-bench-'));
  keptWorkDir = workDir;
  // As root the embedded PostgreSQL runs as `postgres`, which must enter DATA_DIR.
  chmodSync(workDir, 0o755);
  const dataDir = join(workDir, 'data');
  const profileDir = (platform: Platform) =>
    CPU_PROF ? join(workDir, `profile-${platform}`) : undefined;
  const jwtSecret = randomBytes(36).toString('base64url');
  const adminPassword = randomBytes(18).toString('base64url');
  const external = process.env.DATABASE_URL;
  log(
    `platforms ${PLATFORMS.join(', ')}; ${REPS} reps of ${DURATION_S} s; ${CONNECTIONS} connections; codes of ${CODE_LENGTH} characters`,
  );

  // The database: a fresh one on DATABASE_URL's server, or an embedded cluster.
  let databaseUrl: string;
  let embedded: EmbeddedDatabase | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (external) {
    const name = `invite_bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new Client({ connectionString: external });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
    log(`database ${name} on DATABASE_URL's server`);
  } else {
    const startedDb = performance.now();
    embedded = await EmbeddedDatabase.start({ dataDir, log: () => undefined });
    runningCluster = embedded;
    databaseUrl = embedded.url;
    log(
      `embedded PostgreSQL in ${dataDir} (${((performance.now() - startedDb) / 1000).toFixed(1)} s)`,
    );
  }
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    ADMIN_USERNAME,
    ADMIN_PASSWORD: adminPassword,
    RATE_LIMIT_AUTH: '0',
    INVITES_ENABLED: 'true',
    INVITES_LENGTH: String(CODE_LENGTH),
    // One base for every server's links: by default each would use its own port.
    PUBLIC_URL,
    // The webhook scenario's receiver listens on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    // The measured instances record webhook events; delivering them (100
    // signed POSTs per batch) is a worker's job, which on this machine
    // would share the CPUs with the requests measured.
    WEBHOOKS_WORKER: 'false',
  };
  delete serviceEnv.FEATURES_INVITES_LENGTH;
  // Embedded: each service finds the running cluster in DATA_DIR, as
  // `npm start` would, and they share it.
  if (external) serviceEnv.DATABASE_URL = databaseUrl;
  else delete serviceEnv.DATABASE_URL;

  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  settlePool = new Pool({
    connectionString: embedded
      ? embedded.urlFor(new URL(databaseUrl).pathname.slice(1))
      : databaseUrl,
    max: 1,
  });
  // An idle client loses its connection when an interrupted run stops the
  // cluster; a query in flight still gets its own error.
  for (const pool of [db, settlePool]) pool.on('error', () => undefined);
  const services: Server[] = [];
  let baseline: Server | undefined;
  const starts: StartTime[] = [];
  const profiles: Partial<Record<Platform, ProfileSummary>> = {};
  const recordStart = (platform: Platform, label: string, ms: number) => {
    const entry = starts.find(
      (s) => s.platform === platform && s.label === label,
    );
    if (entry) {
      entry.samples.push(ms);
      entry.ms = median(entry.samples);
    } else starts.push({ platform, label, samples: [ms], ms });
  };
  try {
    // One after the other: the first migrates the fresh database and creates
    // the administrator; the second finds both done. (Started together they
    // would also be fine: migrations and the first administrator are each
    // serialised by a PostgreSQL advisory lock.)
    for (const [i, platform] of PLATFORMS.entries()) {
      const started = await startService(
        platform,
        workDir,
        serviceEnv,
        'bench',
        profileDir(platform),
      );
      services.push(started.server);
      const label =
        i === 0
          ? 'first start: fresh database, migrations, first administrator'
          : 'second process: database already initialised by the first';
      recordStart(platform, label, started.startupMs);
      log(
        `${platform} pid ${started.server.child.pid} on port ${started.server.port}: first 200 on /api/health after ${started.startupMs.toFixed(0)} ms (${label})`,
      );
    }
    baseline = await startBaseline(workDir, databaseUrl, jwtSecret);
    log(`baseline pid ${baseline.child.pid} on port ${baseline.port}`);
    const all = [...services, baseline];

    const login = await call(services[0].port, 'POST', '/api/auth/login', {
      json: { username: ADMIN_USERNAME, password: adminPassword },
    });
    if (login.status !== 200) {
      throw new Error(`login failed: ${login.status} ${login.body}`);
    }
    const token = (JSON.parse(login.body) as { token: string }).token;
    // Every service process ran the first-administrator step: exactly one
    // user must exist, the administrator.
    const users = await db.query<{ id: number; username: string }>(
      'SELECT id, username FROM users',
    );
    if (users.rows.length !== 1 || users.rows[0].username !== ADMIN_USERNAME) {
      throw new Error(
        `expected one user, the administrator "${ADMIN_USERNAME}", found ${JSON.stringify(users.rows)}`,
      );
    }
    const adminId = users.rows[0].id;

    // The shape check, on rows that exercise every branch of the mapping:
    // null and set expiresAt, unlimited and used-up, equal createdAt.
    await db.query('DELETE FROM invites');
    const [a, b, c, d, e] = codes(5);
    await db.query(
      `INSERT INTO invites (code, created_at, expires_at, uses, max_uses, created_by_id) VALUES
         ($1, now() - interval '5 s', NULL, 0, 1, $6),
         ($2, now() - interval '4 s', now() + interval '1 day', 0, NULL, $6),
         ($3, now() - interval '3 s', now() - interval '1 hour', 1, 1, $6),
         ($4, now() - interval '3 s', NULL, 2, 5, $6),
         ($5, '2022-11-11T03:34:25.532Z', NULL, 0, 1, $6)`,
      [a, b, c, d, e, adminId],
    );
    await checkShapes(services, baseline, token);

    // Seeding: n invites, one second apart, newest last; cleanup keeps them only.
    let seededMax = 0;
    const seed = async (n: number) => {
      await db.query('DELETE FROM invites');
      await db.query(
        `INSERT INTO invites (code, created_at, max_uses, created_by_id)
         SELECT code, now() - make_interval(secs => ($2::int - ord)::float8), 1, $3::int
         FROM unnest($1::varchar[]) WITH ORDINALITY AS t(code, ord)`,
        [codes(n), n, adminId],
      );
      await db.query('VACUUM ANALYZE invites');
      const max = await db.query<{ max: number }>(
        'SELECT max(id) AS max FROM invites',
      );
      seededMax = max.rows[0].max;
      log(`seeded ${n} invites`);
    };
    const cleanup = async () => {
      await db.query('DELETE FROM invites WHERE id > $1', [seededMax]);
      await db.query('VACUUM invites');
    };

    await seed(100);
    await scenario(
      'GET list(100)',
      all,
      () => ({ method: 'GET', path: '/api/auth/invite', token }),
      { reps: REPS },
    );
    await scenario(
      'POST count=100',
      all,
      () => ({
        method: 'POST',
        path: '/api/auth/invite',
        token,
        body: { count: 100 },
      }),
      { reps: REPS, before: cleanup },
    );
    await cleanup();
    if (selected(WEBHOOK_SCENARIO)) {
      await withWebhook(services[0].port, token, db, (subscribe) =>
        pairedScenario(
          WEBHOOK_SCENARIO,
          services,
          () => ({
            method: 'POST',
            path: '/api/auth/invite',
            token,
            body: { count: 100 },
          }),
          {
            reps: REPS,
            feature: subscribe,
            before: cleanup,
            note: 'one webhook on invite.created, events recorded (WEBHOOKS_WORKER=false: delivery left to worker instances); ratio against the same POSTs with the webhook on another event, run next to each other',
          },
        ),
      );
      await cleanup();
    }
    await scenario(
      'GET /api/auth/me',
      all,
      () => ({ method: 'GET', path: '/api/auth/me', token }),
      { reps: REPS },
    );
    await scenario(
      'POST count=1',
      services,
      () => ({
        method: 'POST',
        path: '/api/auth/invite',
        token,
        body: { count: 1 },
      }),
      { before: cleanup },
    );
    await cleanup();

    // DELETE: a pool of codes inserted directly, one deleted per request.
    const deletable: string[] = [];
    await scenario(
      'DELETE ?code=',
      services,
      () => {
        let next = 0;
        return {
          method: 'DELETE',
          path: '/api/auth/invite',
          token,
          setupRequest: (req) => ({
            ...req,
            path: `/api/auth/invite?code=${deletable[next++] ?? 'exhausted'}`,
          }),
        };
      },
      {
        note: 'pool of 60,000 codes inserted beforehand, each request deletes one',
        before: async () => {
          await cleanup();
          deletable.splice(0, deletable.length, ...codes(60_000));
          await db.query(
            `INSERT INTO invites (code, max_uses, created_by_id)
             SELECT unnest($1::varchar[]), 1, $2::int`,
            [deletable, adminId],
          );
        },
      },
    );
    await cleanup();

    // Registration: one unlimited invite, a new username per request.
    if (selected('POST /api/auth/register')) {
      const registrationCode = codes(1)[0];
      await db.query(
        `INSERT INTO invites (code, max_uses, created_by_id) VALUES ($1, NULL, $2)`,
        [registrationCode, adminId],
      );
      const runId = randomBytes(3).toString('hex');
      let registered = 0;
      await scenario(
        'POST /api/auth/register',
        services,
        () => ({
          method: 'POST',
          path: '/api/auth/register',
          body: {},
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              username: `bench-${runId}-${registered++}`,
              password: 'bench password 1234',
              code: registrationCode,
            }),
          }),
        }),
        {
          note: 'argon2id, 19 MiB, t=2, p=1 (src/users/password-hasher.ts)',
        },
      );
      await db.query("DELETE FROM users WHERE username LIKE 'bench-%'");
      await cleanup();
    }

    if (selected('GET list(10,000)')) {
      await seed(10_000);
      // The peak of list(10,000) itself, not of the scenarios before it
      // (registration's argon2id): VmHWM is reset to the current RSS.
      const hwmBefore = services.map((s) =>
        procStatusKb(s.child.pid as number, 'VmHWM'),
      );
      const reset = services.map((s) => resetPeakRss(s.child.pid as number));
      const large = await scenario(
        'GET list(10,000)',
        all,
        () => ({ method: 'GET', path: '/api/auth/invite', token }),
        { reps: REPS },
      );
      const vmHwmMb: Partial<Record<Platform, number>> = {};
      services.forEach((s, i) => {
        const mb = procStatusKb(s.child.pid as number, 'VmHWM') / 1024;
        vmHwmMb[s.name as Platform] = mb;
        log(
          reset[i]
            ? `${s.name} VmHWM ${(hwmBefore[i] / 1024).toFixed(1)} MB since start; reset before list(10,000), then ${mb.toFixed(1)} MB`
            : `${s.name} VmHWM ${(hwmBefore[i] / 1024).toFixed(1)} MB before list(10,000), ${mb.toFixed(1)} MB after (peak since start: could not reset it)`,
        );
      });
      if (large) large.vmHwmMb = vmHwmMb;
    }
    await db.query('DELETE FROM invites');
    await settlePool.end();
    settlePool = undefined;

    // Restarts: time from spawn to the first 200 with the database initialised.
    await stop(baseline.child, 'baseline');
    for (const service of services) await stop(service.child, service.name);
    if (CPU_PROF) {
      for (const platform of PLATFORMS) {
        const dir = profileDir(platform);
        const summary = dir ? summariseProfile(dir) : undefined;
        if (summary) profiles[platform] = summary;
      }
    }
    const restart = async (platform: Platform, label: string) => {
      const started = await startService(platform, workDir, serviceEnv, label);
      await stop(started.server.child, platform);
      log(
        `${platform} restart (${label}): first 200 on /api/health after ${started.startupMs.toFixed(0)} ms`,
      );
      recordStart(platform, label, started.startupMs);
    };
    const warmLabel = embedded
      ? 'restart, embedded PostgreSQL already running'
      : 'restart, DATABASE_URL, migrations already applied';
    let holder: Client | undefined;
    if (embedded) {
      await db.end();
      await embedded.stop({ force: true });
      // Cluster initialised, PostgreSQL stopped: the service starts it
      // (a second `npm start`), and stops it again when it leaves.
      for (const platform of PLATFORMS) {
        await restart(
          platform,
          'restart, embedded cluster initialised, PostgreSQL stopped',
        );
      }
      // PostgreSQL already running: another process holds a connection.
      embedded = await EmbeddedDatabase.start({
        dataDir,
        log: () => undefined,
      });
      runningCluster = embedded;
      holder = new Client({ connectionString: embedded.url });
      await holder.connect();
    }
    // Rotated like the scenarios, REPS rounds; the median is reported.
    for (let rep = 0; rep < REPS; rep += 1) {
      for (let i = 0; i < PLATFORMS.length; i += 1) {
        await restart(PLATFORMS[(i + rep) % PLATFORMS.length], warmLabel);
      }
    }
    await holder?.end();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all([...children].map((child) => waitForExit(child, 10_000)));
    await db.end().catch(() => undefined);
    await settlePool?.end().catch(() => undefined);
    await embedded?.stop({ force: true }).catch(() => undefined);
    await dropDatabase?.().catch(() => undefined);
  }

  // ------------------------------------------------------------------ report
  const totalS = (performance.now() - began) / 1000;
  const fmt = (value: number | undefined, digits = 0) =>
    value === undefined ? '-' : value.toFixed(digits);
  const summary: Partial<Record<Platform, PlatformRow[]>> = {};
  for (const platform of PLATFORMS) {
    const rows = platformRows(platform);
    summary[platform] = rows;
    console.log(`\n${platform} (HTTP_PLATFORM=${platform})`);
    console.log(
      table(
        [
          'scenario',
          'reps',
          `${platform} req/s`,
          'p99 ms',
          'baseline req/s',
          'p99 ms',
          'ratio',
          'target',
        ],
        rows.map((r) => [
          r.scenario,
          String(r.reps),
          fmt(r.service.rps),
          fmt(r.service.p99),
          fmt(r.baseline?.rps),
          fmt(r.baseline?.p99),
          fmt(r.ratio, 2),
          r.target === undefined || r.ratio === undefined
            ? ''
            : `≥ ${r.target.toFixed(2)} ${r.ratio >= r.target ? 'met' : 'NOT met'}`,
        ]),
      ),
    );
    for (const r of rows) {
      const problems = r.service.non2xx + r.service.errors;
      const baseProblems =
        (r.baseline?.non2xx ?? 0) + (r.baseline?.errors ?? 0);
      if (problems || baseProblems) {
        console.log(
          `  ! ${r.scenario}: ${platform} non-2xx/errors ${problems}, baseline ${baseProblems}`,
        );
      }
      if (r.vmHwmMb !== undefined) {
        console.log(
          `  ${r.scenario}: ${platform} peak RSS (VmHWM) ${r.vmHwmMb.toFixed(1)} MB`,
        );
      }
      if (r.note) console.log(`  ${r.scenario}: ${r.note}`);
    }
    for (const start of starts.filter((s) => s.platform === platform)) {
      const samples =
        start.samples.length > 1
          ? ` (median of ${start.samples.map((ms) => ms.toFixed(0)).join(', ')})`
          : '';
      console.log(
        `  ${start.label}: first 200 on /api/health after ${start.ms.toFixed(0)} ms${samples}`,
      );
    }
  }
  for (const platform of PLATFORMS) {
    const profile = profiles[platform];
    if (!profile) continue;
    console.log(
      `\n${platform} CPU profile (${profile.totalMs.toFixed(0)} ms sampled): self time by function`,
    );
    for (const f of profile.functions.slice(0, 20)) {
      console.log(
        `  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}  ${f.location}`,
      );
    }
    console.log('Self time by package / area');
    for (const p of profile.packages.slice(0, 12)) {
      console.log(`  ${p.percent.toFixed(1).padStart(5)} %  ${p.name}`);
    }
  }
  console.log(
    `\nbench: ${totalS.toFixed(0)} s in all; nproc ${cpus().length}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    nproc: cpus().length,
    memoryMb: { total: totalmem() / 2 ** 20, free: freemem() / 2 ** 20 },
    loadAverage: loadavg(),
    database: external ? 'DATABASE_URL' : 'embedded',
    settings: {
      platforms: PLATFORMS,
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      connections: CONNECTIONS,
      reps: REPS,
      codeLength: CODE_LENGTH,
      cpuProfile: CPU_PROF,
      only: ONLY,
    },
    totalS,
    starts,
    summary,
    runs: scenarios,
    profiles,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Formatted as prettier would, so `prettier --check bench` holds after a run.
  writeFileSync(
    RESULTS,
    await format(JSON.stringify(results), { parser: 'json' }),
  );
  const series: ServerName[] = [...PLATFORMS, 'baseline'];
  writeFileSync(
    CHART,
    renderChart(
      series.map((name) => ({ name, color: CHART_COLORS[name] })),
      scenarios.map((s) => ({
        label: s.name,
        values: Object.fromEntries(
          series.map((name) => [name, figures(s.runs[name])?.rps]),
        ),
      })),
    ),
  );
  log(`wrote ${RESULTS} and ${CHART}`);
  rmSync(workDir, { recursive: true, force: true });
  return 0;
}

/** The embedded cluster while it runs, for the signal handler below. */
let runningCluster: EmbeddedDatabase | undefined;

/**
 * Interrupted (Ctrl-C, or a SIGTERM from a CI runner or `timeout`), the
 * run's `finally` never comes: stop the servers and the embedded cluster
 * here, so that nothing outlives the bench.
 */
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    void Promise.race([
      runningCluster?.stop({ force: true }).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]).then(() => process.exit(code));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    if (keptWorkDir) console.error(`bench: logs kept in ${keptWorkDir}`);
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  },
);
