import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { from, lastValueFrom, of } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { ClaimingRequest } from './idempotency-claim';
import { IdempotencyInterceptor } from './idempotency.interceptor';

class InvitesController {
  create(): void {}
}

/** A DataSource whose every statement succeeds and is remembered; the claim's INSERT returns a row. */
function fakeDatabase() {
  const statements: string[] = [];
  const query = (sql: string) => {
    statements.push(sql.trim().split(/\s+/)[0]);
    return Promise.resolve(sql.includes('RETURNING 1') ? [{}] : []);
  };
  const dataSource = { query, manager: { query } } as unknown as DataSource;
  return { dataSource, statements };
}

function contextFor(request: object): ExecutionContext {
  return new ExecutionContextHost(
    [request, {}],
    InvitesController,
    InvitesController.prototype.create,
  );
}

describe('IdempotencyInterceptor', () => {
  const request = (): ClaimingRequest & Record<string, unknown> => ({
    headers: { 'idempotency-key': 'key-1' },
    method: 'POST',
    body: { count: 2 },
    user: { id: 1 },
  });

  it('keeps the key of a handler that recorded its answer', async () => {
    const { dataSource, statements } = fakeDatabase();
    const interceptor = new IdempotencyInterceptor(
      dataSource,
      {} as HttpAdapterHost,
    );
    const claiming = request();
    // As the create route does: the answer recorded, then returned.
    const handler: CallHandler = {
      handle: () =>
        from(
          (async () => {
            await claiming.idempotencyClaim?.record(dataSource.manager, 200, {
              id: 1,
            });
            return { id: 1 };
          })(),
        ),
    };

    const answer = await interceptor.intercept(contextFor(claiming), handler);

    await expect(lastValueFrom(answer)).resolves.toEqual({ id: 1 });
    expect(statements).toEqual(['INSERT', 'UPDATE']);
  });

  it('fails a handler that did not record its answer, and lets the key go', async () => {
    const { dataSource, statements } = fakeDatabase();
    const interceptor = new IdempotencyInterceptor(
      dataSource,
      {} as HttpAdapterHost,
    );
    const handler: CallHandler = { handle: () => of({ id: 1 }) };

    const answer = await interceptor.intercept(contextFor(request()), handler);

    await expect(lastValueFrom(answer)).rejects.toThrow(
      'InvitesController.create is @Idempotent() but did not record its answer',
    );
    expect(statements).toEqual(['INSERT', 'DELETE']);
  });
});
