import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A loopback TCP proxy in front of a test PostgreSQL, so a test can cut the
 * database off (every connection dropped, new ones refused) and bring it
 * back, exactly as a network outage looks to the app; or keep listening and
 * `retarget` it at a restarted server on another port, as a load balancer or
 * pgbouncer would (the app's pool keeps the URL it was started with).
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(target: {
    host: string;
    port: number;
  }): Promise<TcpProxy> {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() =>
          resolve(typeof address === 'object' && address ? address.port : 0),
        );
      });
    });
    const proxy = new TcpProxy(target, port);
    await proxy.resume();
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
    this.target = { ...this.target, port };
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Stops listening and drops every open connection. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server)
      await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async resume(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
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
