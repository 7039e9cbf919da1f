import { ServerBusyError } from '../common/errors/domain-error';

/**
 * Waiting hashes per slot before new ones are refused: about a second or two
 * of work (one argon2 hash takes 50-100 ms here), long enough that bursts of
 * honest registrations queue instead of failing, short enough that a flood
 * is answered 503 at once instead of piling up.
 */
export const QUEUE_PER_SLOT = 32;

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
    private readonly queueLimit = concurrency * QUEUE_PER_SLOT,
  ) {}

  /** @throws ServerBusyError when every slot is taken and the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new ServerBusyError();
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
