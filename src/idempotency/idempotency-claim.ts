import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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

/** Where IdempotencyInterceptor leaves the claim for the handler. */
export interface ClaimingRequest {
  idempotencyClaim?: IdempotencyClaim;
}

/** The request's IdempotencyClaim, or undefined when it sent no key. */
export const ClaimedIdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<ClaimingRequest>().idempotencyClaim,
);
