import { PassThrough } from 'node:stream';
import { answerClientErrorAsJson } from './client-error-handler';

function socketAnswer(
  code: string | undefined,
  bytesWritten = 0,
): { written: string; destroyed: boolean } {
  const socket = new PassThrough() as PassThrough & { bytesWritten: number };
  socket.bytesWritten = bytesWritten;
  let written = '';
  socket.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const error = Object.assign(new Error('client error'), { code });
  answerClientErrorAsJson(error, socket);
  socket.read();
  return { written, destroyed: socket.destroyed };
}

describe('answerClientErrorAsJson', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'request header fields too large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request timeout'],
    ['HPE_INVALID_METHOD', 400, 'bad request'],
    [undefined, 400, 'bad request'],
  ])('answers %s with %i and the JSON body', (code, status, message) => {
    const { written } = socketAnswer(code);
    expect(written).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(written).toMatch(/\r\nConnection: close\r\n/);
    expect(written).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}\r\n/);
    const body = written.slice(written.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toEqual({ error: message, code: status });
    expect(written).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
  });

  it('only closes a connection whose response has already started', () => {
    const { written, destroyed } = socketAnswer('ERR_HTTP_REQUEST_TIMEOUT', 10);
    expect(written).toBe('');
    expect(destroyed).toBe(true);
  });
});
