import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  headers: IncomingHttpHeaders;
  body: { id: string; type: string; createdAt: string; data: unknown };
  /** Whether `standardwebhooks` accepted the signature with the webhook's secret. */
  verified: boolean;
}

/**
 * A webhook endpoint on 127.0.0.1 that verifies every request with the
 * `standardwebhooks` library. `answer` decides each status (default 204);
 * `waitFor` resolves once a condition on what arrived holds.
 */
export class WebhookReceiver {
  readonly received: ReceivedEvent[] = [];
  secret = '';
  /**
   * The status to answer, a promise of it (a slow endpoint), or null to
   * hold the request unanswered (a hung endpoint).
   */
  answer: (
    event: ReceivedEvent,
    index: number,
  ) => number | Promise<number> | null = () => 204;
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: Server) {}

  /** How many distinct `webhook-id`s arrived with a valid signature. */
  verifiedIds(): Set<string> {
    return new Set(
      this.received
        .filter((event) => event.verified)
        .map((event) => String(event.headers['webhook-id'])),
    );
  }

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      let raw = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (raw += chunk));
      request.on('end', () => {
        let verified = true;
        try {
          new Webhook(receiver.secret).verify(
            raw,
            request.headers as Record<string, string>,
          );
        } catch {
          verified = false;
        }
        const event: ReceivedEvent = {
          headers: request.headers,
          body: JSON.parse(raw) as ReceivedEvent['body'],
          verified,
        };
        receiver.received.push(event);
        const status = receiver.answer(event, receiver.received.length - 1);
        if (status !== null) {
          void Promise.resolve(status).then((code) => {
            response.statusCode = code;
            response.end();
          });
        }
        receiver.waiters.forEach((wake) => wake());
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/hook`;
  }

  /** Resolves when `condition` holds for what was received; rejects after `timeoutMs`. */
  waitFor(
    condition: (received: ReceivedEvent[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((wake) => wake !== check);
        reject(
          new Error(
            `receiver: condition not met in ${timeoutMs} ms (${this.received.length} received)`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        if (!condition(this.received)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((wake) => wake !== check);
        resolve();
      };
      this.waiters.push(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }
}
