import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { EntityManager } from 'typeorm';
import type { HttpExchange } from '../common/decorators/exchange.decorator';
import { requestOf, responseOf } from '../common/http-context';

const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * An Idempotency-Key this request holds. A handler that changes the
 * database records its answer with `record`, inside the transaction of its
 * own changes: then the changes exist exactly when the answer does, and a
 * crash or a failed write in between can never let a retry repeat them.
 */
export class IdempotencyClaim {
  private recorded = false;

  constructor(
    readonly userId: number,
    readonly key: string,
  ) {}

  /** True once `record` has written the answer (its transaction may still be open). */
  get isRecorded(): boolean {
    return this.recorded;
  }

  async record(
    manager: EntityManager,
    status: number,
    body: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4
       WHERE user_id = $1 AND key = $2`,
      [this.userId, this.key, status, JSON.stringify(body ?? null)],
    );
    this.recorded = true;
  }
}

/** What IdempotencyKeys needs of a request, taken by `@Idempotency()`. */
export interface IdempotentRequest {
  /** The Idempotency-Key header as sent: absent, once, or repeated. */
  readonly key: string | string[] | undefined;
  readonly method: string;
  /** `Controller.handler`, part of the fingerprint. */
  readonly handler: string;
  /** The body as parsed, before any pipe. */
  readonly body: unknown;
  /** Keys are per caller: an API key acts as its creator, so they share. */
  readonly userId: number;
  /** Only the HTTP adapter writes a replay's status and header into it. */
  readonly response: HttpExchange['response'];
}

interface RequestWithUser {
  headers: IncomingHttpHeaders;
  method: string;
  body?: unknown;
  user?: { id: number };
}

/** This request's IdempotentRequest, for IdempotencyKeys.run. */
export const Idempotency = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IdempotentRequest => {
    const request = requestOf<RequestWithUser>(context);
    return {
      key: request.headers[IDEMPOTENCY_KEY_HEADER],
      method: request.method,
      handler: `${context.getClass().name}.${context.getHandler().name}`,
      body: request.body,
      userId: request.user?.id ?? 0,
      response: responseOf(context),
    };
  },
);
