import type { Server } from 'node:http';
import type { AppConfig } from '../config/configuration';

/**
 * Idle keep-alive connections are closed after this long on both platforms:
 * Fastify's default, longer than the 60 s idle timeout of common load
 * balancers, so that they never reuse a connection the service just closed.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;

/**
 * Node's own timers, on either platform: a request whose headers are not in
 * after headersTimeout, or which is not fully received after requestTimeout,
 * ends in a `clientError` (answered 408 by answerClientErrorAsJson). Node
 * checks them every connectionsCheckingInterval, 30 s by default, which
 * would stretch a 10 s bound to 40 s.
 */
export function setConnectionTimeouts(server: Server, config: AppConfig): void {
  const { headersTimeoutMs, requestTimeoutMs } = config.app;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = requestTimeoutMs;
  // Public since Node 18.7, but missing from @types/node 20.
  (
    server as Server & { connectionsCheckingInterval: number }
  ).connectionsCheckingInterval = Math.max(
    100,
    Math.min(1000, Math.floor(headersTimeoutMs / 10)),
  );
}
