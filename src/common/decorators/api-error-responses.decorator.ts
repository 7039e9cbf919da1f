import { applyDecorators } from '@nestjs/common';
import { ApiResponse, DECORATORS, HeadersObject } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dto/error-response.dto';
import {
  CONTRACT_ERRORS,
  type ContractErrorStatus,
} from '../errors/error-messages';

export type ErrorStatus = ContractErrorStatus | 409 | 422 | 431;

/**
 * A status alone documents the contract's own messages for it (`401`: `not
 * logged in`); `[status, ...errors]` lists the route's exact `error`
 * strings instead.
 */
export type ErrorResponse = ContractErrorStatus | [ErrorStatus, ...string[]];

/** What body-parser and the validation pipe answer on any route with a JSON body. */
export const JSON_BODY_ERRORS = [
  'invalid json body',
  'request body must be a json object',
];

const HEADERS: Partial<Record<ErrorStatus, HeadersObject>> = {
  405: {
    Allow: {
      description: 'the methods the path answers',
      schema: { type: 'string' },
    },
  },
  429: {
    'Retry-After': {
      description: 'seconds until the client may try again',
      schema: { type: 'integer' },
    },
  },
};

/**
 * Documents a route's (or a controller's) error responses, each with the
 * `{ error, code }` body and one example per `error` string:
 * `@ApiErrorResponses([400, 'invalid date'], 401, 500, 503)`.
 *
 * Each status documented here replaces what a decorator applied before it
 * (written below it) said about that status, rather than being merged into
 * it as @nestjs/swagger does by default: written above @RateLimited(), the
 * 429 entry is this one, whatever that decorator declares.
 */
export const ApiErrorResponses = (...responses: ErrorResponse[]) =>
  applyDecorators(
    ...responses.flatMap((response) => {
      const [status, ...errors] =
        typeof response === 'number'
          ? [response, ...CONTRACT_ERRORS[response]]
          : response;
      return [
        ForgetResponse(status),
        ApiResponse({
          status,
          type: ErrorResponseDto,
          description: errors.map((error) => `\`${error}\``).join(' | '),
          headers: HEADERS[status],
          examples: Object.fromEntries(
            errors.map((error) => [
              error,
              { summary: error, value: { error, code: status } },
            ]),
          ),
        }),
      ];
    }),
  );

/** Removes what is documented so far for one status of a route or controller. */
function ForgetResponse(status: ErrorStatus): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: unknown) => {
    const holder = descriptor
      ? ((descriptor as PropertyDescriptor).value as object)
      : target;
    const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, holder) as
      Record<string, unknown> | undefined;
    if (!responses || !(status in responses)) return;
    const rest = { ...responses };
    delete rest[status];
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, rest, holder);
  };
}
