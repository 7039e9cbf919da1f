import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A loopback TCP proxy on a fixed port in front of a PostgreSQL server whose
 * own port may change: `EmbeddedDatabase.start` picks a free port each time,
 * while the app's pool keeps the URL it was started with. The proxy keeps
 * listening throughout, like a load balancer or pgbouncer: while the server
 * is down every connection is accepted and closed at once (the upstream
 * refuses it), and `retarget` points new connections at the restarted
 * server. A copy of tcp-proxy.ts, which cuts the listener instead.
 */
export class FaultProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private targetPort: number,
    private readonly targetHost: string,
    readonly port: number,
  ) {}

  static async start(target: {
    host: string;
    port: number;
  }): Promise<FaultProxy> {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() =>
          resolve(typeof address === 'object' && address ? address.port : 0),
        );
      });
    });
    const proxy = new FaultProxy(target.port, target.host, port);
    await proxy.listen();
    return proxy;
  }

  /** Rewrites a database URL to go through the proxy. */
  wrap(url: string): string {
    const copy = new URL(url);
    copy.hostname = '127.0.0.1';
    copy.port = String(this.port);
    return copy.toString();
  }

  /** New connections go to `port`; open ones (to the old server) are dropped. */
  retarget(port: number): void {
    this.targetPort = port;
    this.dropConnections();
  }

  /** Stops listening and drops every open connection. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropConnections();
    if (server)
      await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) =>
      server.listen(this.port, '127.0.0.1', resolve),
    );
    this.server = server;
  }
}
