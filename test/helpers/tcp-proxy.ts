import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A loopback TCP proxy in front of a test PostgreSQL, so a test can cut the
 * database off (every connection dropped, new ones refused) and bring it
 * back, exactly as a network outage looks to the app; or keep listening and
 * `retarget` it at a restarted server on another port, as a load balancer or
 * pgbouncer would (the app's pool keeps the URL it was started with); or
 * `freeze` the open connections, as a partition does.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<[Socket, Socket]>();
  private frozen = false;

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

  /** A proxy to the server a database URL names. */
  static inFrontOf(url: string): Promise<TcpProxy> {
    const target = new URL(url);
    return TcpProxy.start({
      host: target.hostname,
      port: Number(target.port || 5432),
    });
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

  /**
   * Keeps every connection open but forwards nothing either way, as a
   * network partition looks: no error, no close, just silence.
   */
  freeze(): void {
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
    // New connections are refused (their handshake would hang otherwise);
    // the frozen ones stay open.
    this.server?.close();
    this.server = undefined;
    this.frozen = true;
  }

  async resume(): Promise<void> {
    if (this.frozen) {
      this.frozen = false;
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
    }
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
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('close', () => this.pairs.delete(pair));
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) =>
      server.listen(this.port, '127.0.0.1', resolve),
    );
    this.server = server;
  }
}
