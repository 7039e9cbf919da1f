import { BadRequestException, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '../config/configuration';
import { logAccess } from './access-log';
import { ExpressJsonAdapter } from './express-json-adapter';
import { responseObserverOf } from './response-observer';
import { answerClientErrorAsJson } from './client-error-handler';
import { endConnectionIfDraining, isDraining } from './connection-draining';
import type { HttpPlatform } from './http-platform';
import { createJsonBodyReader } from './json-body-reader';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';
import { pathOf } from './request-path';
import { securityHeadersFor } from './security-headers';
import { setConnectionTimeouts } from './connection-timeouts';
import { answerNodeRefusalsAsJson, missesHost } from './node-refusals';
import { RouteTable } from '../common/routing/route-table';

/**
 * Express, the default. Its own defaults already match the routing rules of
 * docs/api.md: case-insensitive paths, an optional trailing slash, and
 * node's querystring (repeated keys become arrays).
 */
export const expressPlatform: HttpPlatform = {
  name: 'express',

  createAdapter: () => new ExpressJsonAdapter(),

  configure(nestApp: INestApplication, config: AppConfig): void {
    const app = nestApp as NestExpressApplication;
    const server = app.getHttpServer();
    server.on('clientError', answerClientErrorAsJson);
    answerNodeRefusalsAsJson(server);
    setConnectionTimeouts(server, config);
    app.set('trust proxy', config.app.trustProxy);
    // A list changes with every redemption: an ETag would cost a hash of
    // every body and save nothing.
    app.set('etag', false);
    app.disable('x-powered-by');

    const readJsonBody = createJsonBodyReader({ limit: config.app.bodyLimit });
    const observer = responseObserverOf(app);
    const routes = app.get(RouteTable);
    // One middleware for every request, before any route: Express walks
    // its layers one by one, so fewer layers mean less work per request.
    app.use((request: Request, response: Response, next: NextFunction) => {
      const id = requestIdFor(request.headers);
      (request as Request & { id: string }).id = id;
      response.setHeader(REQUEST_ID_HEADER, id);
      const securityHeaders = securityHeadersFor(request);
      for (const name in securityHeaders) {
        response.setHeader(name, securityHeaders[name]);
      }
      if (isDraining()) response.setHeader('Connection', 'close');
      const started = performance.now();
      response.once('finish', () => {
        const elapsed = performance.now() - started;
        logAccess(
          id,
          request.method,
          request.originalUrl,
          response.statusCode,
          elapsed,
        );
        observer?.observeResponse(
          request.method,
          routeLabelOf(request, response.statusCode, routes),
          response.statusCode,
          elapsed / 1000,
        );
        endConnectionIfDraining(request.socket);
      });
      if (missesHost(request)) {
        next(new BadRequestException());
        return;
      }
      // Express's router answers a param it cannot percent-decode with a
      // 400; Fastify's finds no route. A plain URIError is the filter's 404.
      if (request.url.includes('%') && !isDecodable(request.path)) {
        next(new URIError(`path cannot be percent-decoded: ${request.path}`));
        return;
      }
      readJsonBody(request, response, next);
    });
  },

  ready: () => Promise.resolve(),
};

/**
 * req.route is the matched route, set by the router. A body refused before
 * routing is still counted under its route, as on Fastify, which reads
 * bodies after routing; a 404 without a route found no route or no file.
 */
function routeLabelOf(
  request: Request,
  status: number,
  routes: RouteTable,
): string {
  const matched = (request.route as { path?: string } | undefined)?.path;
  if (matched !== undefined) return matched;
  if (status === 404) return 'unmatched';
  // originalUrl: a mounted middleware (Swagger UI's files) shortens req.path.
  return (
    routes.templateOf(request.method, pathOf(request.originalUrl)) ??
    'unmatched'
  );
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
