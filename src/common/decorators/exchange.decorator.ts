import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf, responseOf } from '../http-context';

/**
 * The current request and response, opaque: only the HTTP adapter reads or
 * writes them (a header, the URL asked for), so no controller learns which
 * platform it runs on.
 */
export interface HttpExchange {
  readonly request: unknown;
  readonly response: unknown;
}

/** The HttpExchange of this request. */
export const Exchange = createParamDecorator(
  (_data: unknown, context: ExecutionContext): HttpExchange => {
    return { request: requestOf(context), response: responseOf(context) };
  },
);
