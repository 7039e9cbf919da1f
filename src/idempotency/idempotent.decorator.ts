import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Accepts an `Idempotency-Key` header on a POST route (see IdempotencyInterceptor). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1..255 printable ASCII characters (else 400 `invalid idempotency key`). The same key with the same body within 24 h replays the first answer with `Idempotent-Replayed: true`.',
    }),
    ApiErrorResponses(
      [409, 'request in progress'],
      [422, 'idempotency key reused with a different request'],
    ),
  );
