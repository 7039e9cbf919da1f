import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * helmet's headers for its default policy, worked out once. That policy is
 * the same for every request (no nonces, no per-request directives), so
 * running the middleware per request, as @fastify/helmet does, only repeats
 * a dozen `setHeader` calls whose raw headers Node must then merge with
 * Fastify's own at every response.
 */
function helmetDefaultHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet()(
    { headers: {} } as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error instanceof Error ? error : new Error('helmet');
      finished = true;
    },
  );
  // A helmet whose policy needed the request would not finish synchronously.
  if (!finished) throw new Error('helmet did not set its headers at once');
  return Object.freeze(headers);
}

export const SECURITY_HEADERS = helmetDefaultHeaders();

/** onRequest: helmet's headers on every answer, errors included. */
export function addSecurityHeaders(
  _request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  reply.headers(SECURITY_HEADERS);
  done();
}
