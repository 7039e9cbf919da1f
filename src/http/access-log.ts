import { Logger } from '@nestjs/common';
import { pathOf } from './request-path';

const logger = new Logger('HTTP');

/**
 * One line per request once its response is sent: request id, method, path,
 * status, duration. The path is logged without its query string, because
 * queries carry secrets (`DELETE /api/auth/invite?code=…`); bodies and
 * headers (passwords, tokens) are never logged.
 */
export function logAccess(
  id: string,
  method: string,
  url: string,
  status: number,
  milliseconds: number,
): void {
  logger.log(
    `${id} ${method} ${pathOf(url)} ${status} ${milliseconds.toFixed(1)}ms`,
  );
}
