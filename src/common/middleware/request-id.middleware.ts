import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller's id may look like; anything else is replaced, so logs cannot be forged. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export type RequestWithId = Request & { id: string };

/** Gives every request an id (the caller's, when acceptable) and echoes it. */
export function requestIdMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const offered = request.header(REQUEST_ID_HEADER);
  const id = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  (request as RequestWithId).id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  next();
}
