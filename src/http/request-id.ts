import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * What a caller's id may look like: visible ASCII, so it stays one field of
 * the access line, and at most as long as the audit log's request_id
 * column. Anything else is replaced, so logs cannot be forged.
 */
const ACCEPTABLE_ID = /^[\x21-\x7e]{1,128}$/;

/** The caller's X-Request-Id when acceptable, else a fresh UUID. */
export function requestIdFor(headers: IncomingHttpHeaders): string {
  const offered = headers['x-request-id'];
  return typeof offered === 'string' && ACCEPTABLE_ID.test(offered)
    ? offered
    : randomUUID();
}

/** Both platforms keep the id as `request.id`, where the filter and the logs read it. */
export function requestIdOf(request: unknown): string {
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : '-';
}
