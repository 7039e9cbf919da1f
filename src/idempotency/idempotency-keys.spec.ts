import type { HttpAdapterHost } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { IdempotencyClaim, IdempotentRequest } from './idempotency-claim';
import { IdempotencyKeys, requestFingerprint } from './idempotency-keys';
import { InvalidIdempotencyKeyError } from './idempotency.errors';

/** A DataSource whose every statement succeeds and is remembered; the claim's INSERT returns a row. */
function fakeDatabase() {
  const statements: string[] = [];
  const query = (sql: string) => {
    statements.push(sql.trim().split(/\s+/)[0]);
    return Promise.resolve(sql.includes('RETURNING 1') ? [{}] : []);
  };
  const dataSource = { query, manager: { query } } as unknown as DataSource;
  const keys = new IdempotencyKeys(dataSource, {} as HttpAdapterHost);
  return { dataSource, keys, statements };
}

const request = (key: IdempotentRequest['key']): IdempotentRequest => ({
  key,
  method: 'POST',
  handler: 'InvitesController.create',
  body: { count: 2 },
  userId: 1,
  response: {},
});

describe('IdempotencyKeys', () => {
  it('runs the work without a claim and without a statement when no key was sent', async () => {
    const { keys, statements } = fakeDatabase();
    const claims: Array<IdempotencyClaim | undefined> = [];

    const answer = await keys.run(request(undefined), (claim) => {
      claims.push(claim);
      return Promise.resolve('done');
    });

    expect(answer).toBe('done');
    expect(claims).toEqual([undefined]);
    expect(statements).toEqual([]);
  });

  it('keeps the key of work that recorded its answer', async () => {
    const { dataSource, keys, statements } = fakeDatabase();

    // As the create route does: the answer recorded, then returned.
    const answer = await keys.run(request('key-1'), async (claim) => {
      await claim?.record(dataSource.manager, 200, { id: 1 });
      return { id: 1 };
    });

    expect(answer).toEqual({ id: 1 });
    expect(statements).toEqual(['INSERT', 'UPDATE']);
  });

  it('fails work that did not record its answer, and lets the key go', async () => {
    const { keys, statements } = fakeDatabase();

    await expect(
      keys.run(request('key-1'), () => Promise.resolve({ id: 1 })),
    ).rejects.toThrow(
      'InvitesController.create is @Idempotent() but did not record its answer',
    );
    expect(statements).toEqual(['INSERT', 'DELETE']);
  });

  it('lets the key go when the work fails before recording, and passes its error on', async () => {
    const { keys, statements } = fakeDatabase();
    const failure = new Error('batch refused');

    await expect(
      keys.run(request('key-1'), () => Promise.reject(failure)),
    ).rejects.toBe(failure);
    expect(statements).toEqual(['INSERT', 'DELETE']);
  });

  it.each([['k'.repeat(256)], [''], ['tab\there'], [['a', 'b']]])(
    'refuses the key %j before any statement or work',
    async (key) => {
      const { keys, statements } = fakeDatabase();
      const work = jest.fn(() => Promise.resolve('done'));

      await expect(keys.run(request(key), work)).rejects.toBeInstanceOf(
        InvalidIdempotencyKeyError,
      );
      expect(work).not.toHaveBeenCalled();
      expect(statements).toEqual([]);
    },
  );
});

describe('requestFingerprint', () => {
  const of = (body: unknown, handler = 'InvitesController.create') =>
    requestFingerprint('POST', handler, body);

  it('is the same for the same JSON value, whatever the order of its keys', () => {
    expect(of({ count: 2, note: 'a', nested: { x: 1, y: [1, 2] } })).toBe(
      of({ nested: { y: [1, 2], x: 1 }, note: 'a', count: 2 }),
    );
    expect(of(undefined)).toBe(of(null));
  });

  it('is the same for no body, an empty one and {}, and not for []', () => {
    expect(of({})).toBe(of(undefined));
    expect(of({})).toBe(of(null));
    expect(of([])).not.toBe(of(undefined));
    expect(of({ count: 1 })).not.toBe(of({}));
  });

  it('differs for another value, array order, handler or method', () => {
    const first = of({ count: 2, list: [1, 2] });
    expect(of({ count: 3, list: [1, 2] })).not.toBe(first);
    expect(of({ count: 2, list: [2, 1] })).not.toBe(first);
    expect(of({ count: 2, list: [1, 2] }, 'Other.create')).not.toBe(first);
    expect(
      requestFingerprint('PATCH', 'InvitesController.create', {
        count: 2,
        list: [1, 2],
      }),
    ).not.toBe(first);
  });
});
