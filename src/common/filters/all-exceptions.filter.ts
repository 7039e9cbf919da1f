import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '../../database/database-errors';
import { DomainError, DomainErrorKind } from '../errors/domain-error';
import type { RequestWithId } from '../middleware/request-id.middleware';
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
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const body = this.toBody(exception, request, response);
    if (body.code >= 500 && body.code !== 503) {
      this.logger.error(
        `request ${(request as RequestWithId).id} ${request.method} ${request.path} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    } else if (body.code === 503) {
      this.logger.warn(
        `request ${(request as RequestWithId).id}: database unavailable (${describe(exception)})`,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.code).json(body);
  }

  private toBody(
    exception: unknown,
    request: Request,
    response: Response,
  ): ErrorBody {
    if (exception instanceof DomainError) {
      if (
        'allowedMethods' in exception &&
        Array.isArray(exception.allowedMethods)
      ) {
        response.setHeader('Allow', exception.allowedMethods.join(', '));
      }
      return {
        error: exception.message,
        code: STATUS_BY_KIND[exception.kind],
        ...exception.details,
      };
    }
    if (exception instanceof NotFoundException && isRouterMiss(exception)) {
      const allowed = this.routes.allowedMethods(request.path);
      if (allowed) {
        response.setHeader('Allow', allowed.join(', '));
        return { error: 'method not allowed', code: 405 };
      }
      return { error: 'not found', code: 404 };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { error: messageFor(status), code: status };
    }
    if (isDatabaseUnavailable(exception)) {
      return { error: 'database unavailable', code: 503 };
    }
    return { error: 'internal server error', code: 500 };
  }
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
