import type { IncomingHttpHeaders } from 'node:http';

const BEARER = /^Bearer\s+(\S+)$/i;
const TOKEN = Symbol('token');
/** Three base64url segments: what a bare JWT looks like. */
const BARE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * The token from `Authorization: Bearer <jwt>`, or from a bare
 * `Authorization: <jwt>` as Zipline clients send it. Never from the query
 * string or a cookie: URLs end up in logs and cookies invite CSRF.
 */
export function extractToken(request: {
  headers: IncomingHttpHeaders;
}): string | null {
  const header = request.headers.authorization?.trim();
  if (!header) return null;
  const bearer = BEARER.exec(header);
  if (bearer) return bearer[1];
  return BARE_JWT.test(header) ? header : null;
}

/** A request, or the view of it passport gets, with its token once read. */
export interface Credentialed {
  headers: IncomingHttpHeaders;
  [TOKEN]?: string | null;
}

/**
 * extractToken's answer for this request, read once: the credentials guard
 * and passport-jwt both ask for it.
 */
export function tokenOf(request: Credentialed): string | null {
  const known = request[TOKEN];
  if (known !== undefined) return known;
  return (request[TOKEN] = extractToken(request));
}

/** All of a request that passport and passport-jwt read: its credentials. */
export function credentialsViewOf(request: Credentialed): Credentialed {
  return { headers: request.headers, [TOKEN]: tokenOf(request) };
}
