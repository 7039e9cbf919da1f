import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import { DataSource } from 'typeorm';
import { IdempotencyClaim, type IdempotentRequest } from './idempotency-claim';
import {
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
  RequestInProgressError,
} from './idempotency.errors';

export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** 1..255 printable ASCII characters. */
const KEY_SHAPE = /^[\x20-\x7e]{1,255}$/;
/**
 * A record still "in flight" after this long belongs to an instance that
 * died mid-request (requests time out after 30 s): it may be taken over.
 */
const ABANDONED_AFTER = '5 minutes';

/**
 * What makes two requests "the same": method, route handler and body, the
 * body as its JSON value: neither spacing nor the order of keys counts. No
 * body, an empty one and `{}` ask for the same thing; which of them the
 * handler sees for an empty body differs between Express and Fastify.
 */
export function requestFingerprint(
  method: string,
  handler: string,
  body: unknown,
): string {
  return createHash('sha256')
    .update(stableStringify([method, handler, isEmptyBody(body) ? null : body]))
    .digest('hex');
}

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    (typeof body === 'object' &&
      !Array.isArray(body) &&
      Object.keys(body).length === 0)
  );
}

/**
 * `Idempotency-Key` for a POST route, run by its handler around its work:
 * the first request with a key claims a row in PostgreSQL (so every
 * instance sees it), later ones with the same key and body get the stored
 * answer with `Idempotent-Replayed: true`, a different body gets 422, and a
 * request while the first still runs gets 409. A failed request releases
 * its key, so it can be retried. The work gets the claim and must record
 * its answer with its own changes, in one transaction: work that does not
 * is a programming error, answered 500 with the key released. Called by the
 * handler rather than as an interceptor, so that a request without a key
 * does not pay for Nest's interceptor chain (docs/benchmarks.md).
 */
@Injectable()
export class IdempotencyKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** `work`'s answer, or the stored answer of the request that claimed the key. */
  async run(
    request: IdempotentRequest,
    work: (claim?: IdempotencyClaim) => Promise<unknown>,
  ): Promise<unknown> {
    const key = request.key;
    if (key === undefined) return work();
    if (typeof key !== 'string' || !KEY_SHAPE.test(key))
      throw new InvalidIdempotencyKeyError();
    const { userId } = request;
    const requestHash = requestFingerprint(
      request.method,
      request.handler,
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
    if (claimed.length === 0)
      return this.replay(userId, key, requestHash, request.response);

    const claim = new IdempotencyClaim(userId, key);
    try {
      const answer = await work(claim);
      if (!claim.isRecorded) {
        throw new Error(
          `${request.handler} is @Idempotent() but did not record its answer`,
        );
      }
      return answer;
    } catch (error) {
      // Once recorded, whether its transaction committed is unknown: the
      // key is kept (a retry gets the answer, or 409 until it is abandoned).
      if (!claim.isRecorded) {
        await this.dataSource.query(
          'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2',
          [userId, key],
        );
      }
      throw error;
    }
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
