import { ServerBusyError } from '../common/errors/domain-error';

/**
 * Waiting hashes per slot before new ones are refused: a few seconds of work
 * at most (one argon2 hash takes 50-100 ms), long enough that a burst of
 * honest registrations (50 at once on one invite) queues instead of failing
 * even with one slot, short enough that a flood is answered 503 at once
 * instead of piling up.
 */
export const QUEUE_PER_SLOT = 32;
export const MIN_QUEUE = 64;

/**
 * Runs at most `concurrency` password hashes at once. argon2 runs on libuv's
 * thread pool and eats a CPU each: without a bound, a login flood starves
 * every other request (DNS, file reads and crypto share that pool).
 */
export class HashSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit = Math.max(
      MIN_QUEUE,
      concurrency * QUEUE_PER_SLOT,
    ),
  ) {}

  /** @throws ServerBusyError when a task started now would be refused. */
  assertRoom(): void {
    if (
      this.running >= this.concurrency &&
      this.waiting.length >= this.queueLimit
    ) {
      throw new ServerBusyError();
    }
  }

  /** @throws ServerBusyError when every slot is taken and the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      this.assertRoom();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `running` never
      // drops below the limit while work is queued.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
