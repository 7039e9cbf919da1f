import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { REQUEST_ID_HEADER } from './request-id';

const ANSWERS: Record<
  string,
  { status: number; reason: string; error: string }
> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: 'request header fields too large',
  },
  // Node's headersTimeout / requestTimeout: the client was too slow.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    error: 'request timeout',
  },
};
const BAD_REQUEST = {
  status: 400,
  reason: 'Bad Request',
  error: 'bad request',
};

/**
 * The server's `clientError` handler on both platforms. Requests Node's HTTP
 * parser rejects before any framework sees them (headers over 16 kB,
 * malformed request lines, clients too slow to send a request) would get a
 * bare status line. Answer them in the contract's JSON shape and close.
 */
export function answerClientErrorAsJson(
  error: NodeJS.ErrnoException,
  socket: Duplex,
): void {
  // Once a response has started, a second status line would corrupt it.
  if (!socket.writable || (socket as Socket).bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const {
    status,
    reason,
    error: message,
  } = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ error: message, code: status });
  // Every response carries a request id; the caller's cannot be read from
  // a request the parser refused, so it is a fresh one.
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `${REQUEST_ID_HEADER}: ${randomUUID()}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
