import { Client, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { destroyConnection, poolOf } from './pg-internals';

describe('pg internals', () => {
  it("destroys a pg client's socket through client.connection.stream", () => {
    const client = new Client();
    const stream = (
      client as unknown as { connection: { stream: { destroyed: boolean } } }
    ).connection.stream;
    destroyConnection(client as unknown as PoolClient);
    expect(stream.destroyed).toBe(true);
  });

  it('fails loudly when a client has no socket where pg used to keep it', () => {
    expect(() => destroyConnection({} as PoolClient)).toThrow(
      /client\.connection\.stream/,
    );
  });

  it('fails loudly when TypeORM keeps no pg Pool in driver.master', () => {
    expect(() => poolOf({ driver: {} } as DataSource)).toThrow(
      /driver\.master/,
    );
  });
});
