import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../http/request-path';

const logger = new Logger('HTTP');

/**
 * onResponse: one line per request once its response is sent: request id,
 * method, path, status, duration. The path is logged without its query
 * string, because queries carry secrets (`DELETE /api/auth/invite?code=…`);
 * bodies and headers (passwords, tokens) are never logged.
 */
export function logAccess(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  logger.log(
    `${request.id} ${request.method} ${pathOf(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`,
  );
  done();
}
