import type { IncomingHttpHeaders } from 'node:http';

/**
 * `(headers) => void`, called on every request: when an X-Forwarded-For
 * arrives while TRUST_PROXY is off, warns once (per process) that the
 * service probably sits behind a proxy it does not know of, so every client
 * shares the proxy's address (and its rate-limit budget). Once only: the
 * header may be on every request, and a forged one costs an attacker nothing.
 */
export function createForwardedForCheck(
  trustProxy: false | number | string,
  warn: (message: string) => void,
): (headers: IncomingHttpHeaders) => void {
  let warned = trustProxy !== false;
  return (headers) => {
    if (warned || headers['x-forwarded-for'] === undefined) return;
    warned = true;
    warn(
      'A request carried X-Forwarded-For but TRUST_PROXY is off: client IPs are the peer address (a proxy would give every client one rate-limit budget). Behind a proxy, set TRUST_PROXY to the number of proxies or their addresses.',
    );
  };
}
