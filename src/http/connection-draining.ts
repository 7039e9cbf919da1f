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
