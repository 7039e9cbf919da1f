import { Module } from '@nestjs/common';
import { IdempotencyKeys } from './idempotency-keys';

/** For a module whose POST handlers accept an Idempotency-Key. */
@Module({
  providers: [IdempotencyKeys],
  exports: [IdempotencyKeys],
})
export class IdempotencyModule {}
