import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import { CHECK_INTERVAL_MS, CheckoutWatchdog } from './checkout-watchdog';

function fakeClient() {
  const stream = new Socket();
  const destroy = jest.spyOn(stream, 'destroy');
  const client = { connection: { stream } };
  return { client: client as unknown as PoolClient, destroy };
}

describe('CheckoutWatchdog', () => {
  let pool: EventEmitter;
  let watchdog: CheckoutWatchdog;

  /** Lets `ms` pass; returns how many connections were closed. */
  const pass = (ms: number) => {
    let destroyed = 0;
    for (let i = 0; i < ms / CHECK_INTERVAL_MS; i += 1)
      destroyed += watchdog.tick();
    return destroyed;
  };

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    pool = new EventEmitter();
    watchdog = new CheckoutWatchdog(pool as unknown as Pool, 4250);
  });

  afterEach(() => {
    watchdog.onModuleDestroy();
    jest.restoreAllMocks();
  });

  it('closes a connection checked out for longer than the bound (4.25 to 4.5 s), once', () => {
    const held = fakeClient();
    pool.emit('acquire', held.client);
    expect(pass(4250)).toBe(0);
    expect(pass(250)).toBe(1);
    expect(held.destroy).toHaveBeenCalledTimes(1);
    expect(pass(10_000)).toBe(0);
  });

  it('leaves alone connections released or removed in time, and counts each checkout afresh', () => {
    const released = fakeClient();
    const removed = fakeClient();
    pool.emit('acquire', released.client);
    pool.emit('acquire', removed.client);
    expect(pass(3000)).toBe(0);
    pool.emit('release', undefined, released.client);
    pool.emit('remove', removed.client);
    expect(pass(4000)).toBe(0);
    pool.emit('acquire', released.client);
    expect(pass(4250)).toBe(0);
    expect(released.destroy).not.toHaveBeenCalled();
    expect(removed.destroy).not.toHaveBeenCalled();
  });
});
