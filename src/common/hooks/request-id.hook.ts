import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller's id may look like; anything else is replaced, so logs cannot be forged. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's X-Request-Id when acceptable, else a
 * fresh UUID. Fastify keeps it as `request.id`, which the logs use.
 */
export function requestIdFor(request: IncomingMessage): string {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE_ID.test(offered)
    ? offered
    : randomUUID();
}

/** onRequest: echoes the id, on every answer including errors. */
export function echoRequestId(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  done();
}
