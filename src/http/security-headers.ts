import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, DOCS_PATH } from '../common/routing/route-table';

/**
 * helmet's headers for its default policy, worked out once. That policy is
 * the same for every request (no nonces, no per-request directives), so each
 * platform sets this frozen table instead of running the middleware per
 * request. One directive is left out: upgrade-insecure-requests, with which
 * a browser on a plain-HTTP address other than localhost (a LAN install)
 * asks for the pages' scripts over HTTPS and shows a blank page.
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
  helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  })(
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

const HSTS = 'strict-transport-security';

/** For documents a browser renders: the pages, Swagger UI and their files. */
export const PAGE_SECURITY_HEADERS = helmetDefaultHeaders();

/**
 * For the API's answers, which no browser renders as a document: the
 * headers OWASP's REST cheat sheet lists for every API response. Stricter
 * than helmet's where the two overlap (no source may load anything, no
 * framing at all), and never stored by a cache, since the answers carry
 * tokens and invite codes. Headers for documents (COOP, CORP,
 * Referrer-Policy, …) protect nothing on JSON fetched with a bearer token,
 * and node checks each header's every character on every answer.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> =
  Object.freeze({
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    [HSTS]: PAGE_SECURITY_HEADERS[HSTS],
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });

function withoutHsts(
  table: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  return Object.freeze(
    Object.fromEntries(Object.entries(table).filter(([name]) => name !== HSTS)),
  );
}

const API_HEADERS_OVER_HTTP = withoutHsts(API_SECURITY_HEADERS);
const PAGE_HEADERS_OVER_HTTP = withoutHsts(PAGE_SECURITY_HEADERS);

const UNDER_API = new RegExp(`^/${API_PREFIX}(?:[/?#]|$)`, 'i');
const SWAGGER_UI = new RegExp(`^/${DOCS_PATH}(?:[/?#]|$)`, 'i');

/**
 * The table for a request, chosen before any route runs: by its path as
 * sent, the API set below /api (Swagger UI's page and files excepted),
 * helmet's everywhere else; HSTS only on an answer that goes out over
 * HTTPS (reachedOverHttps), as RFC 6797 (7.2) requires.
 */
export function securityHeadersFor(
  request: IncomingMessage,
): Readonly<Record<string, string>> {
  const url = request.url ?? '';
  const api = UNDER_API.test(url) && !SWAGGER_UI.test(url);
  if (reachedOverHttps(request)) {
    return api ? API_SECURITY_HEADERS : PAGE_SECURITY_HEADERS;
  }
  return api ? API_HEADERS_OVER_HTTP : PAGE_HEADERS_OVER_HTTP;
}

const FIRST_HOP_HTTPS = /^\s*https\s*(?:,|$)/i;

/**
 * Over TLS to this server, or to the proxy in front of it (the first
 * X-Forwarded-Proto entry, the client's hop). No proxy needs to be trusted
 * for it: the header only changes what its own sender is told.
 */
export function reachedOverHttps(request: IncomingMessage): boolean {
  if ((request.socket as { encrypted?: boolean } | null)?.encrypted)
    return true;
  const forwarded = request.headers['x-forwarded-proto'];
  return typeof forwarded === 'string' && FIRST_HOP_HTTPS.test(forwarded);
}
