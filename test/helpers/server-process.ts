import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

export function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

/**
 * The real server (src/main.ts) as a separate process, with only the given
 * environment (plus PATH and HOME), its output collected for assertions.
 */
export class ServerProcess {
  output = '';
  readonly exited: Promise<unknown[]>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on(
      'data',
      (chunk: Buffer) => (this.output += chunk.toString()),
    );
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (this.output += chunk.toString()),
    );
    this.exited = once(child, 'exit');
  }

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          // The platform the suite runs on (.ci/run runs it on each).
          ...(process.env.HTTP_PLATFORM
            ? { HTTP_PLATFORM: process.env.HTTP_PLATFORM }
            : {}),
          ...env,
          PORT: String(port),
        },
      },
    );
    return new ServerProcess(child, port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Resolves once GET /api/health answers 200; rejects if the process exits first. */
  async healthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(
          `server exited with ${this.child.exitCode}:\n${this.output}`,
        );
      }
      if ((await httpStatus(this.port, '/api/health').catch(() => 0)) === 200)
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `server not healthy after ${timeoutMs} ms:\n${this.output}`,
    );
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
