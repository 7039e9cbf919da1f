import { ServerBusyError } from '../common/errors/domain-error';
import { HashSlots } from './hash-slots';

/** A task that finishes when the test says so. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => done, finish };
}

describe('HashSlots', () => {
  it('runs at most `concurrency` tasks at once, queues the next ones, and refuses beyond the queue', async () => {
    const slots = new HashSlots(2, 1);
    const tasks = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = tasks.map((t, i) =>
      slots.run(() => {
        started.push(i);
        return t.task();
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(slots.stats).toEqual({ running: 2, waiting: 1 });

    const refused = slots.run(() => Promise.resolve('never'));
    await expect(refused).rejects.toBeInstanceOf(ServerBusyError);
    await refused.catch((error: ServerBusyError) => {
      expect(error.message).toBe('server busy');
      expect(error.kind).toBe('unavailable');
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
    });

    tasks[0].finish();
    await runs[0];
    await new Promise(setImmediate);
    expect(started).toEqual([0, 1, 2]);
    expect(slots.stats).toEqual({ running: 2, waiting: 0 });
    tasks[1].finish();
    tasks[2].finish();
    await Promise.all(runs);
    expect(slots.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const slots = new HashSlots(1, 0);
    await expect(
      slots.run(() => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(slots.run(() => Promise.resolve(42))).resolves.toBe(42);
  });
});
