import { Logger } from '@nestjs/common';
import { pathOf } from './request-path';

/** The invitee's page, whose path is a live invite code. */
const INVITE_PAGE = /^\/invite\/[^/]+/i;

/** Without a context of its own, which Nest would append to every line's arguments. */
const logger = new Logger();

/**
 * One line per request once its response is sent: request id, method, path,
 * status, duration. The path is logged without its query string, because
 * queries carry secrets (`DELETE /api/auth/invite?code=…`), and the invite
 * page's code is replaced by `:code`, as anyone reading the logs could
 * redeem it; bodies and headers (passwords, tokens) are never logged.
 */
export function logAccess(
  id: string,
  method: string,
  url: string,
  status: number,
  milliseconds: number,
): void {
  logger.log(
    `${id} ${method} ${loggedPath(url)} ${status} ${milliseconds.toFixed(1)}ms`,
    'HTTP',
  );
}

function loggedPath(url: string): string {
  const path = pathOf(url);
  return INVITE_PAGE.test(path)
    ? path.replace(INVITE_PAGE, '/invite/:code')
    : path;
}
