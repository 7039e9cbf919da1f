import { Module } from '@nestjs/common';
import { IdempotencyCleanup } from './idempotency-cleanup';

/** The server's schedule that deletes expired keys; the CLI runs without it. */
@Module({ providers: [IdempotencyCleanup] })
export class IdempotencyCleanupModule {}
