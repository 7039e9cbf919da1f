import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, get } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, TEST_JWT_SECRET } from './helpers/create-app';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

const ROOT = join(__dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}`);
    if ((await status(port, '/api/health').catch(() => 0)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become healthy');
}

/**
 * The real server process (src/main.ts) receives SIGTERM while a request is
 * in flight: it must stop accepting connections, still answer that request,
 * and exit 0.
 */
describe('graceful shutdown (e2e)', () => {
  let databaseUrl: string;
  let dataDir: string;
  let server: ChildProcess;
  let output = '';

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-shutdown-'));
  });

  afterAll(async () => {
    if (server?.exitCode === null) server.kill('SIGKILL');
    await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the in-flight request, refuses new connections and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    server = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          JWT_SECRET: TEST_JWT_SECRET,
          ADMIN_USERNAME: 'admin',
          ADMIN_PASSWORD,
          RATE_LIMIT_AUTH: '0',
        },
      },
    );
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(server, 'exit');
    await waitForHealth(port, server);

    // A login whose body is only half sent: in flight from the server's view.
    const body = JSON.stringify({
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    const inFlight = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const answered = new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        inFlight.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: text }),
          );
        });
        inFlight.on('error', reject);
      },
    );
    inFlight.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));

    server.kill('SIGTERM');
    // New connections are refused once the server stops listening.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i += 1) {
      refused = await status(port, '/api/health').then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toBe(true);
    expect(server.exitCode).toBeNull(); // still finishing the request

    inFlight.end(body.slice(10));
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(
      expect.objectContaining({ token: expect.any(String) }),
    );

    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toMatch(/SIGTERM received/);
  });
});
