import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `head` (request line and headers, without the blank line) and
 * `body` exactly as written, for requests an HTTP client would correct or
 * refuse to send, with `Connection: close` so the answer ends the stream.
 */
export function sendRaw(
  baseUrl: string,
  head: string[],
  body = '',
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(parseAnswer(answer)));
    // write, not end: the server answers, then closes the connection.
    socket.write(
      [...head, 'Connection: close'].join('\r\n') + '\r\n\r\n' + body,
    );
  });
}

function parseAnswer(answer: string): RawResponse {
  const split = answer.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = answer.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: answer.slice(split + 4),
  };
}
