import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { RequestWithId } from './request-id.middleware';

const logger = new Logger('HTTP');

/**
 * One line per request once its response is sent: request id, method, path,
 * status, duration. The path is logged without its query string, because
 * queries carry secrets (`DELETE /api/auth/invite?code=…`); bodies and
 * headers (passwords, tokens) are never logged.
 */
export function accessLogMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log(
      `${(request as RequestWithId).id} ${request.method} ${request.originalUrl.split('?')[0]} ${response.statusCode} ${milliseconds.toFixed(1)}ms`,
    );
  });
  next();
}
