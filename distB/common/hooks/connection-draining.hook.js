"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startDrainingConnections = startDrainingConnections;
exports.closeConnectionsWhenDraining = closeConnectionsWhenDraining;
let draining = false;
/**
 * Called when shutdown begins. From then on every response closes its
 * connection: a keep-alive client that was mid-request when the server
 * stopped listening would otherwise keep sending requests on that
 * connection, and the shutdown would wait for it until the timeout.
 */
function startDrainingConnections() {
    draining = true;
}
/** onRequest: `Connection: close` on every answer once shutdown has begun. */
function closeConnectionsWhenDraining(_request, reply, done) {
    if (draining)
        reply.header('Connection', 'close');
    done();
}
//# sourceMappingURL=connection-draining.hook.js.map