import { type NestApplicationOptions, StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express, Response } from 'express';
import { createServer } from 'node:http';
import { expressMessageClasses } from './express-messages';
import { JSON_CONTENT_TYPE } from './fast-json-response';

/** Statuses whose answers Express strips of their body: left to it. */
const BODYLESS_STATUSES = new Set([204, 205, 304]);

/**
 * Nest's Express adapter with two changes, both for speed.
 *
 * Express's res.send copies every body of 1,000 characters or more into a
 * Buffer, which node then writes apart from the headers. A JSON answer is
 * written here as the string it is, headers and body in one write, as
 * Fastify does. Express's ETag and freshness checks do not apply: ETags are
 * off, and JSON answers carry no Last-Modified.
 *
 * The HTTP server creates its requests and responses with Express's
 * prototypes already in place (expressMessageClasses).
 */
export class ExpressJsonAdapter extends ExpressAdapter {
  initHttpServer(options: NestApplicationOptions): void {
    // The service uses neither; Nest's own server covers them unchanged.
    if (options.httpsOptions || options.forceCloseConnections) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    this.httpServer = createServer(expressMessageClasses(app), app);
  }

  reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (statusCode) response.status(statusCode);
    const json = BODYLESS_STATUSES.has(response.statusCode)
      ? undefined
      : jsonOf(response, body);
    if (json === undefined) return super.reply(response, body);
    response.setHeader('Content-Type', JSON_CONTENT_TYPE);
    response.setHeader('Content-Length', Buffer.byteLength(json));
    if (response.req.method === 'HEAD') response.end();
    else response.end(json);
    return response;
  }
}

/** The JSON text (or its bytes) of an answer that is JSON, else undefined. */
function jsonOf(
  response: Response,
  body: unknown,
): string | Buffer | undefined {
  const type = response.getHeader('Content-Type');
  if (type !== undefined && type !== JSON_CONTENT_TYPE) return undefined;
  // A string or Buffer is already JSON when its route said so (JsonText).
  if (typeof body === 'string' || Buffer.isBuffer(body))
    return type === undefined ? undefined : body;
  if (
    typeof body !== 'object' ||
    body === null ||
    body instanceof StreamableFile ||
    body instanceof Error ||
    ArrayBuffer.isView(body)
  ) {
    return undefined;
  }
  return JSON.stringify(body);
}
