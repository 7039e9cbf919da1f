import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';

/** Who made the current request, and from where: what the audit log records. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userId: number | null;
  apiKeyId: number | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The current request's context; outside a request (CLI, jobs) all null. */
export function currentRequestContext(): RequestContext {
  return (
    storage.getStore() ?? {
      requestId: null,
      ip: null,
      userId: null,
      apiKeyId: null,
    }
  );
}

/** Fields both platforms' request objects carry once guards have run. */
interface RequestFields {
  id?: unknown;
  ip?: unknown;
  user?: { id?: unknown };
  apiKey?: { id?: unknown };
}

export function contextOf(request: RequestFields): RequestContext {
  return {
    requestId: typeof request.id === 'string' ? request.id : null,
    ip: typeof request.ip === 'string' ? request.ip : null,
    userId: typeof request.user?.id === 'number' ? request.user.id : null,
    apiKeyId: typeof request.apiKey?.id === 'number' ? request.apiKey.id : null,
  };
}

/**
 * Global, after the guards (so the actor is known). enterWith rather than
 * run(): the handler's promise chain continues from here, and run() would
 * end before rxjs subscribes to the handler.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    storage.enterWith(
      contextOf(context.switchToHttp().getRequest<RequestFields>()),
    );
    return next.handle();
  }
}
