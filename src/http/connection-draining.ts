import type { Socket } from 'node:net';

let draining = false;

/**
 * Called when shutdown begins. From then on every response closes its
 * connection: a keep-alive client that was mid-request when the server
 * stopped listening would otherwise keep sending requests on that
 * connection, and the shutdown would wait for it until the timeout.
 */
export function startDrainingConnections(): void {
  draining = true;
}

/** Whether responses should carry `Connection: close`. */
export function isDraining(): boolean {
  return draining;
}

/**
 * Called once a response is sent. A request already in flight when shutdown
 * began got no `Connection: close`; its keep-alive connection is ended here,
 * as idle ones are at shutdown, or it would hold the exit until the timeout.
 */
export function endConnectionIfDraining(socket: Socket | null): void {
  if (draining) socket?.end();
}
