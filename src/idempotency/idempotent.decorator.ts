import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/decorators/api-error-responses.decorator';

/**
 * Documents the `Idempotency-Key` header of a POST route whose handler runs
 * its work through IdempotencyKeys.run with `@Idempotency()`.
 */
export const Idempotent = () =>
  applyDecorators(
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
