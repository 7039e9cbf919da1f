import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from '../common/http-context';

/**
 * Who made a change, and from where: what the audit log records with it.
 * Passed explicitly from the controller to the service that records, so no
 * per-request interceptor or async-local storage sits on every request.
 */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userId: number | null;
  apiKeyId: number | null;
}

/** A change made outside any request: the CLI, start-up. */
export const NO_REQUEST: RequestContext = Object.freeze({
  requestId: null,
  ip: null,
  userId: null,
  apiKeyId: null,
});

/** Fields both platforms' request objects carry once the guards have run. */
interface RequestFields {
  id?: unknown;
  ip?: unknown;
  user?: { id?: unknown };
  apiKey?: { id?: unknown };
}

function contextOf(request: RequestFields): RequestContext {
  return {
    requestId: typeof request.id === 'string' ? request.id : null,
    ip: typeof request.ip === 'string' ? request.ip : null,
    userId: typeof request.user?.id === 'number' ? request.user.id : null,
    apiKeyId: typeof request.apiKey?.id === 'number' ? request.apiKey.id : null,
  };
}

/** The current request's context, for a handler whose service records a change. */
export const Requester = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext =>
    contextOf(requestOf<RequestFields>(context)),
);
