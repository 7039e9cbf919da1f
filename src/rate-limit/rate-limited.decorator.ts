import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/dto/error-response.dto';

export const IS_RATE_LIMITED_KEY = 'rateLimited';

/**
 * Counts the route against the caller's per-IP budget of RATE_LIMIT_AUTH
 * requests per minute, one budget shared by every route that carries it. The
 * global RateLimitGuard reads the metadata; routes without it are never
 * limited.
 */
export const RateLimited = () =>
  applyDecorators(
    SetMetadata(IS_RATE_LIMITED_KEY, true),
    ApiTooManyRequestsResponse({
      type: ErrorResponseDto,
      description: 'too many requests',
      headers: {
        'Retry-After': {
          description: 'seconds until the client may try again',
          schema: { type: 'integer' },
        },
      },
    }),
  );
