import { QueryFailedError, type EntityManager } from 'typeorm';
import { queryValues } from './query-values';

/** A query runner whose connection answers with `answer`. */
function fakeRunner(answer: () => Promise<{ rows: unknown[][] }>) {
  const client = { query: jest.fn(answer) };
  return {
    client,
    runner: {
      connect: jest.fn(() => Promise.resolve(client)),
      release: jest.fn(() => Promise.resolve()),
    },
  };
}

function managerWith(
  own: ReturnType<typeof fakeRunner>['runner'] | undefined,
  created?: ReturnType<typeof fakeRunner>['runner'],
): EntityManager {
  return {
    queryRunner: own,
    connection: { createQueryRunner: () => created },
  } as unknown as EntityManager;
}

describe('queryValues', () => {
  it('asks pg for array rows and returns them as they came', async () => {
    const { client, runner } = fakeRunner(() =>
      Promise.resolve({ rows: [[1, 'a']] }),
    );
    const rows = await queryValues(managerWith(undefined, runner), 'SQL', [7]);
    expect(rows).toEqual([[1, 'a']]);
    expect(client.query).toHaveBeenCalledWith({
      text: 'SQL',
      values: [7],
      rowMode: 'array',
    });
  });

  it('releases a runner of its own, also when the statement fails', async () => {
    const ok = fakeRunner(() => Promise.resolve({ rows: [] }));
    await queryValues(managerWith(undefined, ok.runner), 'SQL', []);
    expect(ok.runner.release).toHaveBeenCalledTimes(1);

    const failing = fakeRunner(() => Promise.reject(new Error('boom')));
    await expect(
      queryValues(managerWith(undefined, failing.runner), 'SQL', []),
    ).rejects.toThrow('boom');
    expect(failing.runner.release).toHaveBeenCalledTimes(1);
  });

  it("runs on the manager's transaction and leaves its runner to it", async () => {
    const own = fakeRunner(() => Promise.resolve({ rows: [] }));
    const spare = fakeRunner(() => Promise.resolve({ rows: [] }));
    await queryValues(managerWith(own.runner, spare.runner), 'SQL', []);
    expect(own.client.query).toHaveBeenCalledTimes(1);
    expect(own.runner.release).not.toHaveBeenCalled();
    expect(spare.runner.connect).not.toHaveBeenCalled();
  });

  it("wraps the statement's errors as TypeORM's query() does", async () => {
    const driverError = Object.assign(new Error('duplicate key'), {
      code: '23505',
    });
    const { runner } = fakeRunner(() => Promise.reject(driverError));
    const error: unknown = await queryValues(
      managerWith(undefined, runner),
      'SQL',
      [1],
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as QueryFailedError).driverError).toBe(driverError);
    expect((error as QueryFailedError).parameters).toEqual([1]);
  });

  it('lets a failed checkout through unwrapped, as query() does', async () => {
    const timeout = new Error('timeout exceeded when trying to connect');
    const { runner } = fakeRunner(() => Promise.resolve({ rows: [] }));
    runner.connect.mockRejectedValueOnce(timeout);
    await expect(
      queryValues(managerWith(undefined, runner), 'SQL', []),
    ).rejects.toBe(timeout);
    expect(runner.release).toHaveBeenCalledTimes(1);
  });
});
