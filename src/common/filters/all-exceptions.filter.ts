import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { DomainError, DomainErrorKind } from '../errors/domain-error';
import { pathOf } from '../http/request-path';
import { RouteTable } from '../routing/route-table';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  'method-not-allowed': HttpStatus.METHOD_NOT_ALLOWED,
  conflict: HttpStatus.CONFLICT,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The contract's wording for statuses raised by the framework rather than by us. */
const MESSAGE_BY_STATUS: Record<number, string> = {
  400: 'bad request',
  401: 'not logged in',
  403: 'not an administrator',
  404: 'not found',
  405: 'method not allowed',
  413: 'payload too large',
  415: 'unsupported media type',
  429: 'too many requests',
  500: 'internal server error',
  503: 'database unavailable',
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
 * generic 500, so nothing internal leaks.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const body = this.toBody(exception, request, reply);
    if (body.code >= 500 && body.code !== 503) {
      this.logger.error(
        `request ${request.id} ${request.method} ${pathOf(request.url)} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    } else if (body.code === 503) {
      this.logger.warn(
        `request ${request.id}: ${body.error} (${describe(exception)})`,
      );
    }
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.end();
      return;
    }
    void reply.status(body.code).send(body);
  }

  private toBody(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ): ErrorBody {
    if (exception instanceof DomainError) {
      if (
        'allowedMethods' in exception &&
        Array.isArray(exception.allowedMethods)
      ) {
        reply.header('Allow', exception.allowedMethods.join(', '));
      }
      // ServerBusyError: tells the client when to come back.
      if (
        'retryAfterSeconds' in exception &&
        typeof exception.retryAfterSeconds === 'number'
      ) {
        reply.header('Retry-After', String(exception.retryAfterSeconds));
      }
      return {
        error: exception.message,
        code: STATUS_BY_KIND[exception.kind],
        ...exception.details,
      };
    }
    if (exception instanceof NotFoundException && isRouterMiss(exception)) {
      const allowed = this.routes.allowedMethods(pathOf(request.url));
      if (allowed) {
        reply.header('Allow', allowed.join(', '));
        return { error: 'method not allowed', code: 405 };
      }
      return { error: 'not found', code: 404 };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { error: messageFor(status), code: status };
    }
    const clientError = fastifyClientErrorStatus(exception);
    if (clientError !== undefined) {
      return { error: messageFor(clientError), code: clientError };
    }
    if (isDatabaseUnavailable(exception)) {
      return { error: 'database unavailable', code: 503 };
    }
    return { error: 'internal server error', code: 500 };
  }
}

/**
 * Fastify's own errors (FST_…) carry their status: a 4xx one is the
 * client's fault, answered in the contract's words rather than as a 500.
 */
function fastifyClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error) || !('statusCode' in exception)) {
    return undefined;
  }
  const code = 'code' in exception ? String(exception.code) : '';
  const status = Number(exception.statusCode);
  return code.startsWith('FST_') && status >= 400 && status < 500
    ? status
    : undefined;
}

function messageFor(status: number): string {
  return (
    MESSAGE_BY_STATUS[status] ?? (STATUS_CODES[status] ?? 'error').toLowerCase()
  );
}

/** Nest's router throws `Cannot GET /path` when no handler matched. */
function isRouterMiss(exception: NotFoundException): boolean {
  return exception.message.startsWith('Cannot ');
}

function describe(exception: unknown): string {
  return exception instanceof Error ? exception.message : String(exception);
}
