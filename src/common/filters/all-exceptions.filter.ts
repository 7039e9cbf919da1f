import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { requestIdOf } from '../../http/request-id';
import { pathOf } from '../../http/request-path';
import {
  DomainError,
  DomainErrorKind,
  ServerBusyError,
} from '../errors/domain-error';
import { messageForStatus } from '../errors/error-messages';
import { RouteTable } from '../routing/route-table';
import { requestOf, responseOf } from '../http-context';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  error: string;
  code: number;
  [extra: string]: unknown;
}

/**
 * Every failure leaves the service as `{ error, code }` (API.md, "Errors"):
 * never an HTML page, a stack trace or Nest's `{ statusCode, message }`.
 * Unexpected errors are logged with the request id and answered with a
 * generic 500, so nothing internal leaks. It reaches the response only
 * through HttpAdapterHost, so it runs unchanged on Express and Fastify.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(
    private readonly routes: RouteTable,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const adapter = this.adapterHost.httpAdapter;
    const request = requestOf<unknown>(host);
    const response = responseOf<unknown>(host);
    const path = pathOf(adapter.getRequestUrl(request) as string);
    const { body, allow } = this.toBody(exception, path);
    const retryAfter = retryAfterOf(exception);
    if (body.code >= 500 && body.code !== 503) {
      this.logger.error(
        `request ${requestIdOf(request)} ${adapter.getRequestMethod(request) as string} ${path} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    } else if (body.code === 503) {
      this.logger.warn(
        `request ${requestIdOf(request)}: ${body.error} (${describe(exception)})`,
      );
    }
    if (adapter.isHeadersSent(response)) {
      adapter.end(response);
      return;
    }
    if (allow) adapter.setHeader(response, 'Allow', allow.join(', '));
    if (retryAfter !== undefined) {
      adapter.setHeader(response, 'Retry-After', String(retryAfter));
    }
    adapter.reply(response, body, body.code);
  }

  private toBody(
    exception: unknown,
    path: string,
  ): { body: ErrorBody; allow?: string[] } {
    if (exception instanceof DomainError) {
      return {
        body: {
          error: exception.message,
          code: STATUS_BY_KIND[exception.kind],
          ...exception.details,
        },
      };
    }
    // The service's own "not found"s are DomainErrors: a bare
    // NotFoundException is the router finding no handler.
    if (exception instanceof NotFoundException) {
      const allow = this.routes.allowedMethods(path);
      return allow
        ? { body: { error: 'method not allowed', code: 405 }, allow }
        : { body: { error: 'not found', code: 404 } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { body: { error: messageForStatus(status), code: status } };
    }
    // A path that cannot be percent-decoded names no route (Fastify answers
    // such paths itself, with the same 404).
    if (exception instanceof URIError) {
      return { body: { error: 'not found', code: 404 } };
    }
    const clientError = clientErrorStatus(exception);
    if (clientError !== undefined) {
      return {
        body: { error: messageForStatus(clientError), code: clientError },
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return { body: { error: 'database unavailable', code: 503 } };
    }
    return { body: { error: 'internal server error', code: 500 } };
  }
}

/**
 * Errors the frameworks raise for a malformed request carry a 4xx status
 * (`statusCode` on Fastify's, `status` on Express's): the client's fault,
 * answered in the contract's words rather than as a 500.
 */
function clientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { status, statusCode } = exception as {
    status?: unknown;
    statusCode?: unknown;
  };
  const code = Number(statusCode ?? status);
  return code >= 400 && code < 500 ? code : undefined;
}

/** A ServerBusyError tells the client when to come back. */
function retryAfterOf(exception: unknown): number | undefined {
  return exception instanceof ServerBusyError
    ? exception.retryAfterSeconds
    : undefined;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? exception.message : String(exception);
}
