import request from 'supertest';

/** One answered (or failed) HTTP request, with when it was sent and answered. */
export interface Sample {
  kind: string;
  started: number;
  ended: number;
  /** HTTP status; 0 when no answer came within the client-side timeout. */
  status: number;
  body: unknown;
}

export interface RequestKind {
  name: string;
  send: (agent: ReturnType<typeof request>) => request.Test;
}

/** Far above the contract's bound: a request still open then counts as a hang. */
const CLIENT_TIMEOUT_MS = 20_000;

/**
 * A steady stream of HTTP requests against a listening app: `concurrency`
 * workers, each sending the kinds in turn with a short pause, until
 * `stop()`. Every request is recorded as a Sample, including failures.
 */
export class Traffic {
  readonly samples: Sample[] = [];
  private running = true;
  private readonly workers: Promise<void>[];

  constructor(
    private readonly baseUrl: string,
    private readonly kinds: RequestKind[],
    concurrency: number,
    private readonly pauseMs = 15,
  ) {
    this.workers = Array.from({ length: concurrency }, (_, index) =>
      this.work(index),
    );
  }

  /** Stops sending and waits for the requests in flight. */
  async stop(): Promise<Sample[]> {
    this.running = false;
    await Promise.all(this.workers);
    return this.samples;
  }

  private async work(offset: number): Promise<void> {
    for (let turn = offset; this.running; turn += 1) {
      const kind = this.kinds[turn % this.kinds.length];
      this.samples.push(await send(this.baseUrl, kind));
      await sleep(this.pauseMs);
    }
  }
}

export async function send(baseUrl: string, kind: RequestKind) {
  const started = Date.now();
  try {
    const response = await kind
      .send(request(baseUrl))
      .timeout({ response: CLIENT_TIMEOUT_MS, deadline: CLIENT_TIMEOUT_MS });
    return {
      kind: kind.name,
      started,
      ended: Date.now(),
      status: response.status,
      body: response.body as unknown,
    };
  } catch (error) {
    return {
      kind: kind.name,
      started,
      ended: Date.now(),
      status: 0,
      body: String(error),
    };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it is true; throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}
