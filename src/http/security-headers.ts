import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

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

export const SECURITY_HEADERS = helmetDefaultHeaders();
