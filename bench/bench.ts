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
import { request } from 'node:http';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { format } from 'prettier';
import { EmbeddedDatabase } from '../src/database/embedded-database';
import { renderChart } from './chart';
import {
  freePort,
  procStatusKb,
  sleep,
  waitForExit,
} from '../scripts/lib/child-process-tools';
import { summariseProfile, type ProfileSummary } from './profile';

/**
 * Usage: npm run build && npm run bench
 *
 * Loopback only, bounded (about 3-4 minutes with the defaults), stops by
 * itself. Runs dist/main.js as is: it builds nothing.
 *
 * 1. PostgreSQL: DATABASE_URL when set (a fresh database is created on that
 *    server for the run and dropped afterwards), else an embedded one in a
 *    fresh temporary DATA_DIR.
 * 2. The service (`node dist/main.js`, NODE_ENV=production,
 *    RATE_LIMIT_AUTH=0) and the raw baseline (bench/baseline/server.ts:
 *    node:http + pg, the same SQL) as child processes on 127.0.0.1, on the
 *    same database.
 * 3. autocannon drives each scenario against both, side by side; the invite
 *    table is seeded with 100 then 10,000 rows and cleaned between runs.
 * 4. The time from spawn to the first 200 on /api/health is measured on a
 *    restart of the service with the database already initialised.
 *
 * Prints a table and writes bench/results/latest.json and docs/benchmarks.svg.
 *
 * Env: BENCH_DURATION (s per run, default 6), BENCH_CONNECTIONS (10),
 * BENCH_REPS (repetitions of list(100) and POST count=100, default 3),
 * BENCH_CPU_PROF=1 (run the service under --cpu-prof and print where its
 * time went; the figures are then slower than usual), BENCH_ONLY (run only
 * the scenarios whose name contains it, e.g. "list(100)": for a focused
 * profile).
 */

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const BASELINE = join(__dirname, 'baseline', 'server.ts');
const RESULTS = join(__dirname, 'results', 'latest.json');
const CHART = join(ROOT, 'docs', 'benchmarks.svg');
const HOST = '127.0.0.1';
const ADMIN_USERNAME = 'administrator';

const DURATION_S = positiveInteger('BENCH_DURATION', 6);
const CONNECTIONS = positiveInteger('BENCH_CONNECTIONS', 10);
const REPS = positiveInteger('BENCH_REPS', 3);
const WARMUP_S = 2;
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const ONLY = process.env.BENCH_ONLY;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
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

/** Distinct 12-character codes (longer than the service's 8: never collide with them). */
function codes(n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    let code = '';
    for (const byte of randomBytes(12)) code += CODE_ALPHABET[byte % 62];
    out.add(code);
  }
  return [...out];
}

// ---------------------------------------------------------------- processes

interface Server {
  name: 'service' | 'baseline';
  child: ChildProcess;
  port: number;
}

async function startService(
  workDir: string,
  env: NodeJS.ProcessEnv,
  label: string,
  profileDir?: string,
): Promise<{ server: Server; startupMs: number }> {
  const port = await freePort(HOST);
  const logFd = openSync(join(workDir, `service-${label}.log`), 'a');
  const args = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, MAIN]
    : [MAIN];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  children.add(child);
  const startupMs = await waitForHealth(child, port, started);
  return { server: { name: 'service', child, port }, startupMs };
}

async function startBaseline(
  workDir: string,
  databaseUrl: string,
  jwtSecret: string,
): Promise<Server> {
  const port = await freePort(HOST);
  const logFd = openSync(join(workDir, 'baseline.log'), 'a');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', BASELINE],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JWT_SECRET: jwtSecret,
        PORT: String(port),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', logFd, logFd],
    },
  );
  closeSync(logFd);
  children.add(child);
  await waitForHealth(child, port, performance.now(), 30_000);
  return { name: 'baseline', child, port };
}

const children = new Set<ChildProcess>();
/** Removed after a successful run; kept (with the servers' logs) after a failure. */
let keptWorkDir: string | undefined;

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
  service: Run[];
  baseline: Run[];
  serviceVmHwmMb?: number;
}

const scenarios: Scenario[] = [];

function describe(run: Run): string {
  const problems =
    run.non2xx || run.errors
      ? `  (non-2xx ${run.non2xx}, errors ${run.errors})`
      : '';
  return `${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms${problems}`;
}

/**
 * Warms each server up, then runs `reps` measured rounds, alternating which
 * server goes first; `before` runs before every run, warm-ups included
 * (cleanup, refilling a pool of codes).
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
): Promise<Scenario> {
  if (ONLY && !name.includes(ONLY)) return { name, service: [], baseline: [] };
  const result: Scenario = {
    name,
    note: options.note,
    service: [],
    baseline: [],
  };
  for (const server of servers) {
    await options.before?.();
    await drive(server, target(server), WARMUP_S);
  }
  const reps = options.reps ?? 1;
  for (let rep = 0; rep < reps; rep += 1) {
    const order = rep % 2 ? [...servers].reverse() : servers;
    for (const server of order) {
      await options.before?.();
      const run = await drive(server, target(server), DURATION_S);
      result[server.name].push(run);
      log(`${name} [${server.name} ${rep + 1}/${reps}] ${describe(run)}`);
    }
  }
  scenarios.push(result);
  return result;
}

// --------------------------------------------------------------------- main

async function main(): Promise<number> {
  if (process.platform !== 'linux') {
    console.error('bench: needs Linux (/proc)');
    return 1;
  }
  if (!existsSync(MAIN)) {
    console.error(
      `bench: ${MAIN} is missing. \`npm run bench\` builds nothing: run \`npm run build\` first.`,
    );
    return 1;
  }
  const began = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'invite-bench-'));
  keptWorkDir = workDir;
  // As root the embedded PostgreSQL runs as `postgres`, which must enter DATA_DIR.
  chmodSync(workDir, 0o755);
  const dataDir = join(workDir, 'data');
  const profileDir = CPU_PROF ? join(workDir, 'profile') : undefined;
  const jwtSecret = randomBytes(32).toString('hex');
  const adminPassword = randomBytes(18).toString('base64url');
  const external = process.env.DATABASE_URL;

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
  };
  // Embedded: the service finds the running cluster in DATA_DIR, as `npm start` would.
  if (external) serviceEnv.DATABASE_URL = databaseUrl;
  else delete serviceEnv.DATABASE_URL;

  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  let service: Server | undefined;
  let baseline: Server | undefined;
  let firstStartMs = NaN;
  const warmStarts: { label: string; ms: number }[] = [];
  let profile: ProfileSummary | undefined;
  try {
    const started = await startService(
      workDir,
      serviceEnv,
      'first',
      profileDir,
    );
    service = started.server;
    firstStartMs = started.startupMs;
    log(
      `service pid ${service.child.pid} on port ${service.port}: first 200 on /api/health after ${firstStartMs.toFixed(0)} ms (fresh database, PostgreSQL already running, migrations applied)`,
    );
    baseline = await startBaseline(workDir, databaseUrl, jwtSecret);
    log(`baseline pid ${baseline.child.pid} on port ${baseline.port}`);
    const both = [service, baseline];
    const servicePid = service.child.pid as number;

    const login = await call(service.port, 'POST', '/api/auth/login', {
      json: { username: ADMIN_USERNAME, password: adminPassword },
    });
    if (login.status !== 200) {
      throw new Error(`login failed: ${login.status} ${login.body}`);
    }
    const token = (JSON.parse(login.body) as { token: string }).token;
    const admin = await db.query<{ id: number }>(
      'SELECT id FROM users WHERE username = $1',
      [ADMIN_USERNAME],
    );
    const adminId = admin.rows[0].id;

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
      both,
      () => ({ method: 'GET', path: '/api/auth/invite', token }),
      { reps: REPS },
    );
    await scenario(
      'POST count=100',
      both,
      () => ({
        method: 'POST',
        path: '/api/auth/invite',
        token,
        body: { count: 100 },
      }),
      { reps: REPS, before: cleanup },
    );
    await cleanup();
    await scenario('GET /api/auth/me', both, () => ({
      method: 'GET',
      path: '/api/auth/me',
      token,
    }));
    await scenario(
      'POST count=1',
      [service],
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
      [service],
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
    const registrationCode = codes(1)[0];
    await db.query(
      `INSERT INTO invites (code, max_uses, created_by_id) VALUES ($1, NULL, $2)`,
      [registrationCode, adminId],
    );
    const runId = randomBytes(3).toString('hex');
    let registered = 0;
    await scenario(
      'POST /api/auth/register',
      [service],
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

    await seed(10_000);
    const hwmBefore = procStatusKb(servicePid, 'VmHWM');
    const large = await scenario('GET list(10,000)', both, () => ({
      method: 'GET',
      path: '/api/auth/invite',
      token,
    }));
    large.serviceVmHwmMb = procStatusKb(servicePid, 'VmHWM') / 1024;
    log(
      `service VmHWM ${(hwmBefore / 1024).toFixed(1)} MB before list(10,000), ${large.serviceVmHwmMb.toFixed(1)} MB after`,
    );
    await db.query('DELETE FROM invites');

    // Restarts: time from spawn to the first 200 with the database initialised.
    await stop(baseline.child, 'baseline');
    await stop(service.child, 'service');
    if (profileDir) profile = summariseProfile(profileDir);
    if (embedded) {
      await db.end();
      await embedded.stop({ force: true });
      // 1: cluster initialised, PostgreSQL stopped: the service starts it (`npm start` again).
      const cold = await startService(workDir, serviceEnv, 'restart-1');
      warmStarts.push({
        label: 'embedded cluster initialised, PostgreSQL stopped',
        ms: cold.startupMs,
      });
      await stop(cold.server.child, 'service');
      // 2: PostgreSQL already running (another process holds a connection).
      embedded = await EmbeddedDatabase.start({
        dataDir,
        log: () => undefined,
      });
      const holder = new Client({ connectionString: embedded.url });
      await holder.connect();
      const warm = await startService(workDir, serviceEnv, 'restart-2');
      warmStarts.push({
        label: 'embedded PostgreSQL already running',
        ms: warm.startupMs,
      });
      await stop(warm.server.child, 'service');
      await holder.end();
    } else {
      const warm = await startService(workDir, serviceEnv, 'restart');
      warmStarts.push({
        label: 'DATABASE_URL, migrations already applied',
        ms: warm.startupMs,
      });
      await stop(warm.server.child, 'service');
    }
    for (const start of warmStarts) {
      log(
        `restart (${start.label}): first 200 on /api/health after ${start.ms.toFixed(0)} ms`,
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all([...children].map((child) => waitForExit(child, 10_000)));
    await db.end().catch(() => undefined);
    await embedded?.stop({ force: true }).catch(() => undefined);
    await dropDatabase?.().catch(() => undefined);
  }

  // ------------------------------------------------------------------ report
  const totalS = (performance.now() - began) / 1000;
  const rows = scenarios.map((s) => {
    const pick = (runs: Run[]) =>
      runs.length
        ? {
            rps: median(runs.map((r) => r.rps)),
            p99: median(runs.map((r) => r.p99)),
            non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
            errors: runs.reduce((sum, r) => sum + r.errors, 0),
          }
        : undefined;
    const svc = pick(s.service);
    const base = pick(s.baseline);
    return {
      scenario: s.name,
      reps: s.service.length,
      service: svc,
      baseline: base,
      ratio: svc && base ? svc.rps / base.rps : undefined,
      serviceVmHwmMb: s.serviceVmHwmMb,
      note: s.note,
    };
  });
  const fmt = (value: number | undefined, digits = 0) =>
    value === undefined ? '-' : value.toFixed(digits);
  const header = [
    'scenario',
    'reps',
    'service req/s',
    'service p99 ms',
    'baseline req/s',
    'baseline p99 ms',
    'ratio',
  ];
  const body = rows.map((r) => [
    r.scenario,
    String(r.reps),
    fmt(r.service?.rps),
    fmt(r.service?.p99),
    fmt(r.baseline?.rps),
    fmt(r.baseline?.p99),
    fmt(r.ratio, 2),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => row[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  console.log(
    `\n${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}`,
  );
  for (const r of rows) {
    const problems = (r.service?.non2xx ?? 0) + (r.service?.errors ?? 0);
    const baseProblems = (r.baseline?.non2xx ?? 0) + (r.baseline?.errors ?? 0);
    if (problems || baseProblems) {
      console.log(
        `  ! ${r.scenario}: service non-2xx/errors ${problems}, baseline ${baseProblems}`,
      );
    }
    if (r.serviceVmHwmMb !== undefined) {
      console.log(
        `  ${r.scenario}: service peak RSS (VmHWM) ${r.serviceVmHwmMb.toFixed(1)} MB`,
      );
    }
    if (r.note) console.log(`  ${r.scenario}: ${r.note}`);
  }
  console.log(
    `  first start (fresh database, PostgreSQL running): first 200 on /api/health after ${firstStartMs.toFixed(0)} ms`,
  );
  for (const start of warmStarts) {
    console.log(
      `  restart (${start.label}): first 200 on /api/health after ${start.ms.toFixed(0)} ms`,
    );
  }
  if (profile) {
    console.log(
      `\nService CPU profile (${profile.totalMs.toFixed(0)} ms sampled): self time by function`,
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
      durationS: DURATION_S,
      warmupS: WARMUP_S,
      connections: CONNECTIONS,
      reps: REPS,
      cpuProfile: CPU_PROF,
    },
    totalS,
    firstStartMs,
    warmStarts,
    summary: rows,
    runs: scenarios,
    profile,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  // Formatted as prettier would, so `prettier --check bench` holds after a run.
  writeFileSync(
    RESULTS,
    await format(JSON.stringify(results), { parser: 'json' }),
  );
  writeFileSync(
    CHART,
    renderChart(
      rows.map((r) => ({
        label: r.scenario,
        service: r.service?.rps,
        baseline: r.baseline?.rps,
      })),
    ),
  );
  log(`wrote ${RESULTS} and ${CHART}`);
  rmSync(workDir, { recursive: true, force: true });
  return 0;
}

process.once('SIGINT', () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(130);
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    if (keptWorkDir) console.error(`bench: logs kept in ${keptWorkDir}`);
    for (const child of children) child.kill('SIGTERM');
    process.exit(1);
  },
);
