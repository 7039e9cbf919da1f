import { Global, Module } from '@nestjs/common';
import { IdempotencyCleanup } from './idempotency-cleanup';
import { IdempotencyInterceptor } from './idempotency.interceptor';

@Global()
@Module({
  providers: [IdempotencyInterceptor, IdempotencyCleanup],
  exports: [IdempotencyInterceptor],
})
export class IdempotencyModule {}
