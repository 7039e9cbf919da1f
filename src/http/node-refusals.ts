import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { messageForStatus } from '../common/errors/error-messages';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';
import { securityHeadersFor } from './security-headers';

/**
 * Two requests that Node's HTTP server would refuse with a bare status line
 * before any framework hook runs (an unknown `Expect`, a missing `Host`) are
 * answered in the contract's JSON shape on both platforms instead. Requests
 * its parser rejects are answerClientErrorAsJson's.
 */
export function answerNodeRefusalsAsJson(server: Server): void {
  // With a listener, Node hands an unknown `Expect` to it instead of a bare 417.
  server.on('checkExpectation', answerExpectationFailed);
  // Each platform's first hook refuses these itself (missesHost), so the
  // 400 gets a request id, an access line and a metric like any other.
  // Node reads the option from the server on every request.
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
}

/** An HTTP/1.1 request without `Host`, which RFC 9112 (3.2) makes a 400. */
export function missesHost(request: IncomingMessage): boolean {
  return (
    request.headers.host === undefined &&
    request.httpVersionMajor === 1 &&
    request.httpVersionMinor === 1
  );
}

function answerExpectationFailed(
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const body = JSON.stringify({ error: messageForStatus(417), code: 417 });
  response.writeHead(417, {
    ...securityHeadersFor(request),
    [REQUEST_ID_HEADER]: requestIdFor(request.headers),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  response.end(body);
}
