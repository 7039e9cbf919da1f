import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { catchError, map, type Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { type ClaimingRequest, IdempotencyClaim } from './idempotency-claim';
import {
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
  RequestInProgressError,
} from './idempotency.errors';
import { rejectUnparsableBody } from '../common/body/unparsable-body';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** 1..255 printable ASCII characters. */
const KEY_SHAPE = /^[\x20-\x7e]{1,255}$/;
/**
 * A record still "in flight" after this long belongs to an instance that
 * died mid-request (requests time out after 30 s): it may be taken over.
 */
const ABANDONED_AFTER = '5 minutes';

/** What makes two requests "the same": method, route handler and body. */
export function requestFingerprint(
  method: string,
  handler: string,
  body: unknown,
): string {
  return createHash('sha256')
    .update(JSON.stringify([method, handler, body ?? null]))
    .digest('hex');
}

interface IdempotentRequest extends ClaimingRequest {
  headers: IncomingHttpHeaders;
  method: string;
  body?: unknown;
  user?: { id: number };
}

/**
 * `Idempotency-Key` for any POST route: the first request with a key claims
 * a row in PostgreSQL (so every instance sees it), later ones with the same
 * key and body get the stored answer with `Idempotent-Replayed: true`, a
 * different body gets 422, and a request while the first still runs gets
 * 409. A failed request releases its key, so it can be retried. The
 * handler gets the claim (ClaimedIdempotencyKey) and must record its answer
 * with its own changes, in one transaction: a handler that does not is a
 * programming error, answered 500 with the key released.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_SHAPE.test(key))
      throw new InvalidIdempotencyKeyError();
    // Before the key is claimed or compared: a malformed body is a 400.
    rejectUnparsableBody(request.body);
    // Keys are per caller: an API key acts as its creator, so they share.
    const userId = request.user?.id ?? 0;
    const requestHash = requestFingerprint(
      request.method,
      `${context.getClass().name}.${context.getHandler().name}`,
      request.body,
    );

    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + interval '24 hours')
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_status = NULL,
             response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= now()
            OR (idempotency_keys.response_status IS NULL
                AND idempotency_keys.created_at < now() - interval '${ABANDONED_AFTER}')
       RETURNING 1`,
      [userId, key, requestHash],
    );
    if (claimed.length === 0) {
      return of(
        await this.replay(userId, key, requestHash, http.getResponse()),
      );
    }

    const claim = new IdempotencyClaim(userId, key);
    request.idempotencyClaim = claim;
    return next.handle().pipe(
      map((body: unknown) => {
        if (!claim.isRecorded) {
          throw new Error(
            `${context.getClass().name}.${context.getHandler().name} is @Idempotent() but did not record its answer`,
          );
        }
        return body;
      }),
      catchError(async (error: unknown) => {
        // Once recorded, whether its transaction committed is unknown: the
        // key is kept (a retry gets the answer, or 409 until it is abandoned).
        if (!claim.isRecorded) {
          await this.dataSource.query(
            'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2',
            [userId, key],
          );
        }
        throw error;
      }),
    );
  }

  private async replay(
    userId: number,
    key: string,
    requestHash: string,
    response: unknown,
  ): Promise<unknown> {
    const [record] = await this.dataSource.query<
      Array<{
        request_hash: string;
        response_status: number | null;
        response_body: unknown;
      }>
    >(
      `SELECT request_hash, response_status, response_body FROM idempotency_keys
       WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    // Gone between the two statements: the first request failed and let go.
    if (!record) throw new RequestInProgressError();
    if (record.request_hash !== requestHash)
      throw new IdempotencyKeyReusedError();
    if (record.response_status === null) throw new RequestInProgressError();
    const adapter = this.adapterHost.httpAdapter;
    adapter.status(response, record.response_status);
    adapter.setHeader(response, REPLAYED_HEADER, 'true');
    return record.response_body;
  }
}
