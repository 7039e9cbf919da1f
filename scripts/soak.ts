import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  freePort,
  procStatusKb,
  sleep,
  waitForExit,
} from './lib/child-process-tools';
import { table } from './lib/text-table';

/**
 * Usage: npm run soak   (after `npm run build`: it runs dist/main.js as is)
 *
 * Starts the built server as a child process on 127.0.0.1 and a free port,
 * with a fresh embedded PostgreSQL in a temporary DATA_DIR (or DATABASE_URL
 * when set), then drives a steady mix of requests over every route for
 * SOAK_SECONDS (default 180) with SOAK_CONCURRENCY (default 8) requests in
 * flight. Every 5 s it records the child's RSS (/proc/<pid>/status VmRSS),
 * its open file descriptors (/proc/<pid>/fd), the requests, the errors and
 * the latencies. At the end it prints the figures and a verdict, stops the
 * server with SIGTERM and expects exit code 0.
 *
 * Verdict: no errors (5xx, an unexpected status or a network error); the
 * median RSS of the last minute at most 10 % above the median RSS of the
 * first minute after a 30 s warm-up (SOAK_WARMUP_SECONDS); the median FD
 * count of the last minute at most 5 above that of the first; a clean
 * SIGTERM exit. Exit code 0 when it holds, 1 otherwise. Linux only (/proc).
 */

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'main.js');
const HOST = '127.0.0.1';
const ADMIN_USERNAME = 'administrator';

const DURATION_S = positiveNumber('SOAK_SECONDS', 180);
const CONCURRENCY = positiveNumber('SOAK_CONCURRENCY', 8);
const WARMUP_S = positiveNumber('SOAK_WARMUP_SECONDS', 30);
const SAMPLE_S = 5;
const WINDOW_S = 60;
const MAX_RSS_GROWTH = 0.1;
const MAX_FD_GROWTH = 5;
/** Invites kept alive at most, so the table (and the list responses) stay small. */
const MAX_POOL = 40;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------- HTTP client

interface Response {
  status: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let port = 0;

function call(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; raw?: string } = {},
): Promise<Response> {
  const body =
    options.raw ??
    (options.json === undefined ? undefined : JSON.stringify(options.json));
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: HOST, port, method, path, headers, agent, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

// ------------------------------------------------------------------ the mix

type Route =
  | 'login'
  | 'me'
  | 'list'
  | 'list?limit'
  | 'create x1'
  | 'create x10'
  | 'register'
  | 'delete'
  | 'health'
  | '404'
  | '400 bad json'
  | '401';

const WEIGHTS: [Route, number][] = [
  ['login', 3],
  ['me', 14],
  ['list', 8],
  ['list?limit', 8],
  ['create x1', 10],
  ['create x10', 2],
  ['register', 3],
  ['delete', 22],
  ['health', 10],
  ['404', 3],
  ['400 bad json', 3],
  ['401', 3],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

interface RouteStats {
  count: number;
  errors: number;
  latencies: number[];
}

const stats = new Map<Route, RouteStats>(
  WEIGHTS.map(([route]) => [route, { count: 0, errors: 0, latencies: [] }]),
);
const errorSamples: string[] = [];
let intervalLatencies: number[] = [];
let intervalRequests = 0;
let intervalErrors = 0;
let totalRequests = 0;
let totalErrors = 0;

let token = '';
/** Unused codes (may be registered with or deleted) and used ones (deleted). */
const unusedCodes: string[] = [];
const usedCodes: string[] = [];
let userCounter = 0;
const runId = randomBytes(3).toString('hex');

function poolSize(): number {
  return unusedCodes.length + usedCodes.length;
}

function pickRoute(): Route {
  let n = Math.random() * TOTAL_WEIGHT;
  let route: Route = 'me';
  for (const [candidate, weight] of WEIGHTS) {
    n -= weight;
    if (n < 0) {
      route = candidate;
      break;
    }
  }
  // Keep the invite table bounded, and never ask for a code we don't have.
  if (route.startsWith('create') && poolSize() >= MAX_POOL) return 'delete';
  if (route === 'register' && unusedCodes.length === 0) return 'create x1';
  if (route === 'delete' && poolSize() === 0) return 'create x1';
  return route;
}

function takeForDeletion(): string | undefined {
  return usedCodes.shift() ?? unusedCodes.shift();
}

function codesOf(body: string): string[] {
  const parsed = JSON.parse(body) as { code: string } | { code: string }[];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((i) => i.code);
}

async function perform(route: Route): Promise<void> {
  let expected = 200;
  let response: Response;
  let onSuccess: (body: string) => void = () => undefined;
  let onFailure: () => void = () => undefined;
  const started = performance.now();
  try {
    switch (route) {
      case 'login':
        response = await call('POST', '/api/auth/login', {
          json: { username: ADMIN_USERNAME, password: adminPassword },
        });
        onSuccess = (body) => {
          token = (JSON.parse(body) as { token: string }).token;
        };
        break;
      case 'me':
        response = await call('GET', '/api/auth/me', { token });
        break;
      case 'list':
        response = await call('GET', '/api/auth/invite', { token });
        break;
      case 'list?limit':
        response = await call('GET', '/api/auth/invite?limit=5', { token });
        break;
      case 'create x1':
      case 'create x10': {
        const count = route === 'create x1' ? 1 : 10;
        response = await call('POST', '/api/auth/invite', {
          token,
          json: { count, expiresAt: '1h' },
        });
        onSuccess = (body) => unusedCodes.push(...codesOf(body));
        break;
      }
      case 'register': {
        const code = unusedCodes.shift() as string;
        userCounter += 1;
        response = await call('POST', '/api/auth/register', {
          json: {
            username: `soak-${runId}-${userCounter}`,
            password: 'soak password 1234',
            code,
          },
        });
        onSuccess = () => usedCodes.push(code);
        onFailure = () => usedCodes.push(code);
        break;
      }
      case 'delete': {
        const code = takeForDeletion() as string;
        response = await call(
          'DELETE',
          `/api/auth/invite?code=${encodeURIComponent(code)}`,
          { token },
        );
        break;
      }
      case 'health':
        response = await call('GET', '/api/health');
        break;
      case '404':
        expected = 404;
        response = await call('GET', '/api/no-such-route');
        break;
      case '400 bad json':
        expected = 400;
        response = await call('POST', '/api/auth/invite', {
          token,
          raw: '{"count": 1,',
        });
        break;
      case '401':
        expected = 401;
        response = await call('GET', '/api/auth/me', {
          token: 'not-a-token',
        });
        break;
    }
  } catch (error) {
    record(
      route,
      performance.now() - started,
      `network error: ${String(error)}`,
    );
    onFailure();
    return;
  }
  const elapsed = performance.now() - started;
  if (response.status === expected) {
    try {
      onSuccess(response.body);
      record(route, elapsed);
    } catch (error) {
      record(route, elapsed, `unreadable body: ${String(error)}`);
    }
  } else {
    onFailure();
    record(
      route,
      elapsed,
      `status ${response.status} (expected ${expected}): ${response.body.slice(0, 200)}`,
    );
  }
}

function record(route: Route, ms: number, error?: string): void {
  const entry = stats.get(route) as RouteStats;
  entry.count += 1;
  entry.latencies.push(ms);
  intervalLatencies.push(ms);
  intervalRequests += 1;
  totalRequests += 1;
  if (error !== undefined) {
    entry.errors += 1;
    intervalErrors += 1;
    totalErrors += 1;
    if (errorSamples.length < 20) errorSamples.push(`${route}: ${error}`);
  }
}

// ---------------------------------------------------------------- sampling

interface Sample {
  t: number;
  rssKb: number;
  fds: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

const samples: Sample[] = [];

function countFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function takeSample(pid: number, t: number): void {
  samples.push({
    t,
    rssKb: procStatusKb(pid, 'VmRSS'),
    fds: countFds(pid),
    requests: intervalRequests,
    errors: intervalErrors,
    p50: percentile(intervalLatencies, 50),
    p99: percentile(intervalLatencies, 99),
  });
  intervalLatencies = [];
  intervalRequests = 0;
  intervalErrors = 0;
}

// ------------------------------------------------------------------ server

const adminPassword = randomBytes(18).toString('base64url');

async function waitForHealth(child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited during start-up (${child.exitCode})`);
    }
    try {
      const response = await call('GET', '/api/health');
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no 200 from /api/health within ${timeoutMs / 1000} s`);
}

// -------------------------------------------------------------------- report

const mb = (kb: number) => (kb / 1024).toFixed(1);
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));

// ---------------------------------------------------------------------- main

async function main(): Promise<number> {
  if (process.platform !== 'linux') {
    console.error('soak: needs Linux (/proc)');
    return 1;
  }
  if (!existsSync(MAIN)) {
    console.error(`soak: ${MAIN} is missing; run \`npm run build\` first`);
    return 1;
  }

  const workDir = mkdtempSync(join(tmpdir(), 'invite-soak-'));
  // As root the embedded PostgreSQL runs as `postgres`, which must enter DATA_DIR.
  chmodSync(workDir, 0o755);
  const dataDir = join(workDir, 'data');
  const logFile = join(workDir, 'server.log');
  port = await freePort(HOST);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_USERNAME,
    ADMIN_PASSWORD: adminPassword,
    RATE_LIMIT_AUTH: '0',
    INVITES_ENABLED: 'true',
  };
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [MAIN], {
    cwd: workDir,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const pid = child.pid as number;
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
    }
  };
  process.once('SIGINT', () => {
    stopChild();
    process.exitCode = 1;
  });

  console.log(
    `soak: server pid ${pid} on http://${HOST}:${port}/api, ` +
      `${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`}; ` +
      `${DURATION_S} s, ${CONCURRENCY} in flight, warm-up ${WARMUP_S} s`,
  );

  let verdictHolds = false;
  try {
    const startedUp = performance.now();
    await waitForHealth(child, 120_000);
    console.log(
      `soak: healthy after ${((performance.now() - startedUp) / 1000).toFixed(1)} s`,
    );
    const login = await call('POST', '/api/auth/login', {
      json: { username: ADMIN_USERNAME, password: adminPassword },
    });
    if (login.status !== 200) {
      throw new Error(`login failed: ${login.status} ${login.body}`);
    }
    token = (JSON.parse(login.body) as { token: string }).token;

    // Drive the mix.
    const start = performance.now();
    const elapsedS = () => (performance.now() - start) / 1000;
    const endAt = start + DURATION_S * 1000;
    takeSample(pid, 0);
    const sampler = setInterval(() => {
      const s = elapsedS();
      takeSample(pid, s);
      const last = samples[samples.length - 1];
      console.log(
        `  t=${s.toFixed(0).padStart(4)} s  rss ${mb(last.rssKb)} MB  fds ${last.fds}  ` +
          `${(last.requests / SAMPLE_S).toFixed(0)} req/s  errors ${last.errors}  ` +
          `p50 ${ms(last.p50)} ms  p99 ${ms(last.p99)} ms`,
      );
    }, SAMPLE_S * 1000);
    const worker = async () => {
      while (performance.now() < endAt && child.exitCode === null) {
        await perform(pickRoute());
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const drivenS = elapsedS();
    clearInterval(sampler);

    // Delete what is left, and check the table is empty.
    const leftovers = [...usedCodes.splice(0), ...unusedCodes.splice(0)];
    for (const code of leftovers) {
      const response = await call(
        'DELETE',
        `/api/auth/invite?code=${encodeURIComponent(code)}`,
        { token },
      );
      if (response.status !== 200) {
        totalErrors += 1;
        errorSamples.push(`cleanup delete ${code}: ${response.status}`);
      }
    }
    const remaining = await call('GET', '/api/auth/invite', { token });
    const remainingCount =
      remaining.status === 200
        ? (JSON.parse(remaining.body) as unknown[]).length
        : -1;

    // Figures.
    console.log(
      '\nSamples (every 5 s; requests, errors and latencies over the interval)',
    );
    console.log(
      table(
        [
          't (s)',
          'RSS (MB)',
          'FDs',
          'requests',
          'req/s',
          'errors',
          'p50 (ms)',
          'p99 (ms)',
        ],
        samples.map((s) => [
          s.t.toFixed(0),
          mb(s.rssKb),
          String(s.fds),
          String(s.requests),
          (s.requests / SAMPLE_S).toFixed(0),
          String(s.errors),
          ms(s.p50),
          ms(s.p99),
        ]),
      ),
    );
    console.log('\nRoutes');
    const all: number[] = [];
    console.log(
      table(
        ['route', 'requests', 'errors', 'p50 (ms)', 'p99 (ms)', 'max (ms)'],
        [...stats].map(([route, s]) => {
          all.push(...s.latencies);
          return [
            route,
            String(s.count),
            String(s.errors),
            ms(percentile(s.latencies, 50)),
            ms(percentile(s.latencies, 99)),
            ms(percentile(s.latencies, 100)),
          ];
        }),
      ),
    );

    // Windows: the first minute after the warm-up, and the last minute.
    const window = Math.min(WINDOW_S, (drivenS - WARMUP_S) / 2);
    const first = samples.filter(
      (s) => s.t >= WARMUP_S && s.t <= WARMUP_S + window,
    );
    const last = samples.filter((s) => s.t >= drivenS - window);
    const rssFirst = median(first.map((s) => s.rssKb));
    const rssLast = median(last.map((s) => s.rssKb));
    const growth = (rssLast - rssFirst) / rssFirst;
    const fdFirst = median(first.map((s) => s.fds));
    const fdLast = median(last.map((s) => s.fds));
    const fdsAll = samples.map((s) => s.fds);

    console.log(
      `\nRequests: ${totalRequests} in ${drivenS.toFixed(1)} s ` +
        `(${(totalRequests / drivenS).toFixed(0)} req/s), errors ${totalErrors}; ` +
        `latency p50 ${ms(percentile(all, 50))} ms, p99 ${ms(percentile(all, 99))} ms`,
    );
    console.log(
      `Users registered: ${stats.get('register')?.count ?? 0}; ` +
        `invites left after cleanup: ${remainingCount}`,
    );
    console.log(
      `RSS: median ${mb(rssFirst)} MB over t=${WARMUP_S}..${(WARMUP_S + window).toFixed(0)} s, ` +
        `${mb(rssLast)} MB over the last ${window.toFixed(0)} s: ` +
        `${(growth * 100).toFixed(1)} % growth (limit ${MAX_RSS_GROWTH * 100} %); ` +
        `min ${mb(Math.min(...samples.map((s) => s.rssKb)))} MB, ` +
        `max ${mb(Math.max(...samples.map((s) => s.rssKb)))} MB`,
    );
    console.log(
      `FDs: median ${fdFirst} then ${fdLast} (limit +${MAX_FD_GROWTH}); ` +
        `min ${Math.min(...fdsAll)}, max ${Math.max(...fdsAll)}`,
    );
    for (const sample of errorSamples) console.log(`error: ${sample}`);

    const checks: [string, boolean][] = [
      ['no errors', totalErrors === 0],
      ['invite table empty after cleanup', remainingCount === 0],
      [
        'enough samples in both windows',
        drivenS >= WARMUP_S + 2 * SAMPLE_S &&
          first.length > 0 &&
          last.length > 0,
      ],
      [`RSS growth < ${MAX_RSS_GROWTH * 100} %`, growth < MAX_RSS_GROWTH],
      [
        `FD count stable (≤ +${MAX_FD_GROWTH})`,
        fdLast - fdFirst <= MAX_FD_GROWTH,
      ],
    ];
    verdictHolds = checks.every(([, ok]) => ok);
    console.log('\nVerdict');
    for (const [name, ok] of checks)
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}`);
  } catch (error) {
    console.error(
      `soak: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  // Stop the server: SIGTERM, then expect exit code 0.
  agent.destroy();
  stopChild();
  const exit = await waitForExit(child, 30_000);
  const cleanExit = exit === 0;
  console.log(
    `  ${cleanExit ? 'ok  ' : 'FAIL'} server exited ${String(exit)} on SIGTERM`,
  );
  if (exit === null) child.kill('SIGKILL');
  if (!verdictHolds || !cleanExit) {
    const log = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    console.log(`\nLast lines of the server log (${logFile}):`);
    console.log(log.slice(-30).join('\n'));
    console.log('\nsoak: FAIL');
    return 1;
  }
  rmSync(workDir, { recursive: true, force: true });
  console.log('\nsoak: PASS');
  return 0;
}

main().then(
  (code) => process.exit(process.exitCode ?? code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
