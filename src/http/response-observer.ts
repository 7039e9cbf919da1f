import type { INestApplication } from '@nestjs/common';

/** Told about every response once it is sent (the metrics). */
export interface ResponseObserver {
  /** `route` is the matched route's template (`/api/auth/invite/:id`), or `unmatched`. */
  observeResponse(
    method: string,
    route: string,
    status: number,
    seconds: number,
  ): void;
}

export const RESPONSE_OBSERVER = Symbol('ResponseObserver');

/** The app's observer, when a module provides one (metrics enabled). */
export function responseObserverOf(
  app: INestApplication,
): ResponseObserver | undefined {
  try {
    return app.get<ResponseObserver>(RESPONSE_OBSERVER, { strict: false });
  } catch {
    return undefined;
  }
}
