import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import { CheckoutWatchdog } from './checkout-watchdog';

function fakeClient() {
  const destroy = jest.fn();
  const client = { connection: { stream: { destroy } } };
  return { client: client as unknown as PoolClient, destroy };
}

describe('CheckoutWatchdog', () => {
  let pool: EventEmitter;
  let clock: number;
  let watchdog: CheckoutWatchdog;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    pool = new EventEmitter();
    clock = 1_000_000;
    watchdog = new CheckoutWatchdog(pool as unknown as Pool, 6000, () => clock);
  });

  afterEach(() => {
    watchdog.onModuleDestroy();
    jest.restoreAllMocks();
  });

  it('closes a connection checked out for longer than the bound, once', () => {
    const held = fakeClient();
    pool.emit('acquire', held.client);
    clock += 5999;
    expect(watchdog.check()).toBe(0);
    clock += 1;
    expect(watchdog.check()).toBe(1);
    expect(held.destroy).toHaveBeenCalledTimes(1);
    expect(watchdog.check()).toBe(0);
  });

  it('leaves alone connections released or removed in time, and counts each checkout afresh', () => {
    const released = fakeClient();
    const removed = fakeClient();
    pool.emit('acquire', released.client);
    pool.emit('acquire', removed.client);
    clock += 3000;
    pool.emit('release', undefined, released.client);
    pool.emit('remove', removed.client);
    clock += 4000;
    pool.emit('acquire', released.client);
    clock += 5000;
    expect(watchdog.check()).toBe(0);
    expect(released.destroy).not.toHaveBeenCalled();
    expect(removed.destroy).not.toHaveBeenCalled();
  });
});
