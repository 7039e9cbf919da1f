import type { Express } from 'express';
import { IncomingMessage, type ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

type RequestInit = (this: IncomingMessage, socket: Socket) => void;
type ResponseInit = (
  this: ServerResponse,
  request: IncomingMessage,
  options?: unknown,
) => void;

/**
 * The request and response classes for Express's HTTP server: their
 * instances are born with the app's own prototypes (`app.request`,
 * `app.response`). Express gives each request and response those prototypes
 * with Object.setPrototypeOf; on node's instances that change kept every
 * request's objects alive through V8's young-generation collections
 * (docs/benchmarks.md, session 12). On these it changes nothing.
 */
export function expressMessageClasses(
  app: Express,
): Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'> {
  // node's classes are plain constructor functions, so a function can run
  // them on an instance whose prototype it chose.
  const initRequest = IncomingMessage as unknown as RequestInit;
  const initResponse = ServerResponse as unknown as ResponseInit;
  function ExpressRequest(this: IncomingMessage, socket: Socket): void {
    initRequest.call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(
    this: ServerResponse,
    request: IncomingMessage,
    options?: unknown,
  ): void {
    initResponse.call(this, request, options);
  }
  ExpressResponse.prototype = app.response;
  return {
    IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
    ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
  };
}
