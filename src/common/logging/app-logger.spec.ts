import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SonicBoom from 'sonic-boom';
import { createAppLogger, type LogDestinations } from './app-logger';

function captureStdout(work: () => void): string {
  const chunks: string[] = [];
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('createAppLogger', () => {
  let dir: string;
  let destinations: LogDestinations;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-logger-'));
    destinations = {
      stdout: new SonicBoom({ dest: join(dir, 'stdout'), sync: true }),
      stderr: new SonicBoom({ dest: join(dir, 'stderr'), sync: true }),
    };
  });

  afterEach(() => {
    destinations.stdout.destroy();
    destinations.stderr.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const linesOf = (stream: keyof LogDestinations) =>
    readFileSync(join(dir, stream), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes one JSON object per line in production', () => {
    createAppLogger('production', destinations).log(
      'service started',
      'Bootstrap',
    );
    expect(linesOf('stdout')).toEqual([
      expect.objectContaining({
        level: 'log',
        message: 'service started',
        context: 'Bootstrap',
        pid: process.pid,
      }),
    ]);
    expect(linesOf('stderr')).toEqual([]);
  });

  it('writes each text line as JSON.stringify would, keys in Nest’s order', () => {
    const logger = createAppLogger('production', destinations);
    const awkward = 'q"\\\u0001é \ud83d\ude00 lone \udc00 ' + 'x'.repeat(60);
    logger.log(awkward, 'HTTP');
    logger.log('GET /api/auth/me 200 1.2ms', 'HTTP');
    logger.log('no context');
    logger.error(awkward, 'Error: "boom"\n    at x', 'Database');
    const raw = (stream: keyof LogDestinations) =>
      readFileSync(join(dir, stream), 'utf8').split('\n').filter(Boolean);
    const lines = [...raw('stdout'), ...raw('stderr')];
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toBe(JSON.stringify(JSON.parse(line)));
    }
    expect(Object.keys(JSON.parse(lines[0]) as object)).toEqual([
      'level',
      'pid',
      'timestamp',
      'message',
      'context',
    ]);
    expect(JSON.parse(lines[0])).toMatchObject({ message: awkward });
    expect(JSON.parse(lines[1])).toMatchObject({
      message: 'GET /api/auth/me 200 1.2ms',
      context: 'HTTP',
    });
    expect(JSON.parse(lines[2])).not.toHaveProperty('context');
    expect(Object.keys(JSON.parse(lines[3]) as object)).toEqual([
      'level',
      'pid',
      'timestamp',
      'message',
      'context',
      'stack',
    ]);
  });

  it('writes errors with their stack to stderr, and objects as JSON', () => {
    const logger = createAppLogger('production', destinations);
    logger.error('query failed', 'Error: boom\n    at x', 'Database');
    logger.warn({ count: 2n, queue: { name: 'webhooks' } }, 'Jobs');
    expect(linesOf('stderr')).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'query failed',
        stack: 'Error: boom\n    at x',
        context: 'Database',
      }),
    ]);
    const [warning] = linesOf('stdout');
    expect(warning).toMatchObject({ level: 'warn', context: 'Jobs' });
    expect(warning.message).toEqual({
      count: '2',
      queue: { name: 'webhooks' },
    });
  });

  it('writes the lines still queued when the process exits', () => {
    // Asynchronous destinations on the real stdout and stderr: the lines are
    // queued, then process.exit() must not drop them.
    const script = [
      `const { createAppLogger } = require(${JSON.stringify(require.resolve('./app-logger'))});`,
      `const logger = createAppLogger('production');`,
      `for (let i = 0; i < 500; i++) logger.log('line ' + i, 'Exit');`,
      `logger.error('last words', undefined, 'Exit');`,
      `process.exit(3);`,
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', script],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(3);
    const out = child.stdout.split('\n').filter(Boolean);
    expect(out).toHaveLength(500);
    // Every line, but not necessarily in order: a batch whose asynchronous
    // write is already in flight at exit may land after the rest, which the
    // exit handler writes synchronously.
    expect(
      out
        .map((line) => (JSON.parse(line) as { message: string }).message)
        .sort(),
    ).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`).sort());
    expect(JSON.parse(child.stderr.trim())).toMatchObject({
      level: 'error',
      message: 'last words',
    });
  });

  it('writes a lone line soon, though stdout is written in batches', async () => {
    // One short line, far from a full batch, and a process that stays up:
    // only the periodic flush can bring the line out.
    const script = [
      `const { createAppLogger } = require(${JSON.stringify(require.resolve('./app-logger'))});`,
      `createAppLogger('production').log('quiet service', 'Batch');`,
      `setInterval(() => undefined, 60_000);`,
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', script],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      let output = '';
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line within 30 s; got "${output}"`)),
          30_000,
        );
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (!output.includes('\n')) return;
          clearTimeout(timer);
          resolve(output.split('\n')[0]);
        });
      });
      expect(JSON.parse(line)).toMatchObject({
        message: 'quiet service',
        context: 'Batch',
      });
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });

  it('keeps running when the reader of its stdout pipe goes away', async () => {
    const marker = join(dir, 'survived');
    const script = [
      `const { writeFileSync } = require('node:fs');`,
      `const { createAppLogger } = require(${JSON.stringify(require.resolve('./app-logger'))});`,
      `const logger = createAppLogger('production');`,
      `let i = 0;`,
      `const timer = setInterval(() => {`,
      `  for (let j = 0; j < 50; j++) logger.log('line ' + i, 'Pipe');`,
      `  if (++i < 40) return;`,
      `  clearInterval(timer);`,
      `  writeFileSync(${JSON.stringify(marker)}, 'yes');`,
      `  process.exit(0);`,
      `}, 5);`,
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', script],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    // The reader goes away before the first line is written.
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('yes');
  });

  it('drops lines past its queue limit, then says how many', async () => {
    // Asynchronous: lines queue while the first write is in flight.
    const stdout = new SonicBoom({ dest: join(dir, 'queued'), maxLength: 400 });
    await once(stdout, 'ready');
    const logger = createAppLogger('production', { ...destinations, stdout });
    for (let i = 0; i < 20; i++) logger.log(`line ${i}`, 'Queue');
    // The reader catches up: everything queued is written.
    await new Promise((resolve) => stdout.flush(resolve));
    logger.log('after the stall', 'Queue');
    stdout.flushSync();
    stdout.destroy();

    const messages = readFileSync(join(dir, 'queued'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { message: string }).message);
    const kept = messages.filter((message) => message.startsWith('line '));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(20);
    expect(kept).toEqual(kept.map((_, i) => `line ${i}`));
    expect(messages.slice(kept.length)).toEqual([
      `${20 - kept.length} log lines dropped: the log reader was not keeping up`,
      'after the stall',
    ]);
  });

  it('writes readable text in development', () => {
    const output = captureStdout(() =>
      createAppLogger('development').log('service started', 'Bootstrap'),
    );
    expect(output).toContain('[Bootstrap] service started');
    expect(() => JSON.parse(output) as unknown).toThrow();
  });
});
