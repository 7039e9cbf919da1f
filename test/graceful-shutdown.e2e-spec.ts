import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, TEST_JWT_SECRET } from './helpers/create-app';
import { httpStatus, ServerProcess } from './helpers/server-process';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

/**
 * The real server process (src/main.ts) receives SIGTERM while a request is
 * in flight: it must stop accepting connections, still answer that request,
 * and exit 0.
 */
describe('graceful shutdown (e2e)', () => {
  let databaseUrl: string;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-shutdown-'));
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the in-flight request, refuses new connections and exits 0 on SIGTERM', async () => {
    server = await ServerProcess.start({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD,
      RATE_LIMIT_AUTH: '0',
      // Far beyond the request: reaching it would mean a connection held the exit.
      SHUTDOWN_TIMEOUT: '30',
    });
    const { port } = server;
    await server.healthy();

    // A login whose body is only half sent: in flight from the server's view.
    const body = JSON.stringify({
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    // A client that keeps its connection open after the answer, as browsers
    // and connection pools do.
    const agent = new Agent({ keepAlive: true });
    const inFlight = httpRequest({
      agent,
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        // Node answers `100 Continue` once it has parsed the headers: the
        // signal that the request is in the server's hands.
        expect: '100-continue',
      },
    });
    const received = new Promise((resolve) =>
      inFlight.once('continue', resolve),
    );
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
    inFlight.flushHeaders();
    await received;
    inFlight.write(body.slice(0, 10));

    server.child.kill('SIGTERM');
    // New connections are refused once the server stops listening.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i += 1) {
      refused = await httpStatus(port, '/api/health').then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
      );
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // On failure, the server's own log says where shutdown stood.
    expect({ refused, log: refused ? '' : server.output }).toEqual({
      refused: true,
      log: '',
    });
    expect(server.child.exitCode).toBeNull(); // still finishing the request

    inFlight.end(body.slice(10));
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(
      expect.objectContaining({ token: expect.any(String) }),
    );

    // The server ends that connection once the answer is sent, rather than
    // at the timeout.
    const [code] = await server.exited;
    agent.destroy();
    expect(code).toBe(0);
    expect(server.output).toMatch(/SIGTERM received/);
    expect(server.output).not.toMatch(/shutdown timeout reached/);
  });
});
