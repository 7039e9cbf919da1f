import { connect } from 'node:net';
import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';

/** Sends `data` on a fresh connection and resolves with all the server said before it closed. */
function sendAndReadUntilClosed(
  baseUrl: string,
  data: string,
): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(data);
  });
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

describe('slow clients (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createApp({
      HTTP_HEADERS_TIMEOUT: '1',
      HTTP_REQUEST_TIMEOUT: '2',
    });
    baseUrl = await t.listen();
  });

  afterAll(() => t.close());

  it('answers 408 request timeout and closes when the headers do not arrive in time', async () => {
    const answer = await sendAndReadUntilClosed(
      baseUrl,
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(bodyOf(answer)).toEqual({ error: 'request timeout', code: 408 });
  });

  it('answers 408 request timeout and closes when the body does not arrive in time', async () => {
    const answer = await sendAndReadUntilClosed(
      baseUrl,
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(answer)).toEqual({ error: 'request timeout', code: 408 });
  });

  it('keeps answering other clients while a slow one holds a connection', async () => {
    const slow = sendAndReadUntilClosed(
      baseUrl,
      'GET /api/health HTTP/1.1\r\n',
    );
    await request(t.http).get('/api/health').expect(200);
    expect(await slow).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('keeps an idle keep-alive connection for 72 s on either platform, and says so', async () => {
    const response = await request(baseUrl)
      .get('/api/health')
      .set('Connection', 'keep-alive')
      .expect(200);
    expect(response.headers['keep-alive']).toBe('timeout=72');
  });
});
