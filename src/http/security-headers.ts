import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, DOCS_PATH } from '../common/routing/route-table';

/**
 * helmet's headers for its default policy, worked out once. That policy is
 * the same for every request (no nonces, no per-request directives), so each
 * platform sets this frozen table instead of running the middleware per
 * request. One directive is left out: upgrade-insecure-requests, with which
 * a browser on a plain-HTTP address other than localhost (a LAN install)
 * asks for the pages' scripts over HTTPS and shows a blank page. A site on
 * HTTPS gets HSTS.
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
    'strict-transport-security':
      PAGE_SECURITY_HEADERS['strict-transport-security'],
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });

const UNDER_API = new RegExp(`^/${API_PREFIX}(?:[/?#]|$)`, 'i');
const SWAGGER_UI = new RegExp(`^/${DOCS_PATH}(?:[/?#]|$)`, 'i');

/**
 * The table for a request target, chosen by its path as sent, before any
 * route runs: the API set below /api (Swagger UI's page and files excepted),
 * helmet's everywhere else.
 */
export function securityHeadersFor(
  url: string,
): Readonly<Record<string, string>> {
  return UNDER_API.test(url) && !SWAGGER_UI.test(url)
    ? API_SECURITY_HEADERS
    : PAGE_SECURITY_HEADERS;
}
