import {
  BadRequestException,
  NotFoundException,
  type INestApplication,
} from '@nestjs/common';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { AppConfig } from '../config/configuration';
import { logAccess } from './access-log';
import { responseObserverOf } from './response-observer';
import { answerClientErrorAsJson } from './client-error-handler';
import { endConnectionIfDraining, isDraining } from './connection-draining';
import type { HttpPlatform } from './http-platform';
import { createJsonBodyReader } from './json-body-reader';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';
import { escapesFixedSegment, pathOf } from './request-path';
import { securityHeadersFor } from './security-headers';
import { setConnectionTimeouts } from './connection-timeouts';
import { answerNodeRefusalsAsJson, missesHost } from './node-refusals';

/**
 * Fastify (`HTTP_PLATFORM=fastify`): less framework work per request than
 * Express (docs/benchmarks.md has the figures). Its options are
 * set to Express's routing rules: case-insensitive paths, an optional
 * trailing slash, node's querystring for repeated keys.
 */
export const fastifyPlatform: HttpPlatform = {
  name: 'fastify',

  createAdapter: (config: AppConfig) =>
    new FastifyAdapter({
      trustProxy: fastifyTrustProxy(config.app.trustProxy),
      genReqId: (request: IncomingMessage) => requestIdFor(request.headers),
      routerOptions: {
        caseSensitive: false,
        ignoreTrailingSlash: true,
        // Express reads no fragment into the query; Fastify would keep it.
        querystringParser: (query) => parseQueryString(withoutFragment(query)),
      },
      clientErrorHandler: answerClientErrorAsJson,
      frameworkErrors: answerFrameworkError,
      // During shutdown, requests that still arrive on open connections are
      // answered (with Connection: close), as Express does, not refused.
      return503OnClosing: false,
      // Nest middleware is not used: the request hooks are Fastify hooks.
      skipMiddie: true,
    }),

  configure(app: INestApplication, config: AppConfig): void {
    const fastify = (app as NestFastifyApplication)
      .getHttpAdapter()
      .getInstance();
    const server = app.getHttpServer() as Server;
    setConnectionTimeouts(server, config);
    answerNodeRefusalsAsJson(server);
    // Requests answered 404 although the router matched them (below).
    const unroutable = new WeakSet<FastifyRequest>();
    fastify.addHook('onRequest', (request, reply, done) => {
      // The whole frozen table in one headers() call.
      reply
        .headers(securityHeadersFor(request.raw))
        .header(REQUEST_ID_HEADER, request.id);
      if (isDraining()) reply.header('Connection', 'close');
      if (missesHost(request.raw)) {
        done(new BadRequestException());
        return;
      }
      // No route takes QUERY, so it is the router's 404 or 405 as on
      // Express; Fastify would first refuse one without a Content-Type.
      if (request.method === 'QUERY') {
        done(new NotFoundException());
        return;
      }
      readAnyContentTypeAsJson(request);
      if (
        request.url.includes('%') &&
        escapesFixedSegment(pathOf(request.url), request.routeOptions.url ?? '')
      ) {
        unroutable.add(request);
        void reply.code(404).send({ error: 'not found', code: 404 });
        return;
      }
      done();
    });
    const observer = responseObserverOf(app);
    fastify.addHook('onResponse', (request, reply, done) => {
      logAccess(
        request.id,
        request.method,
        request.url,
        reply.statusCode,
        reply.elapsedTime,
      );
      observer?.observeResponse(
        request.method,
        reply.statusCode === 404 && unroutable.has(request)
          ? 'unmatched'
          : (request.routeOptions.url ?? 'unmatched'),
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      endConnectionIfDraining(request.raw.socket);
      done();
    });

    // body-parser's reader replaces Fastify's parsers, so both platforms
    // accept, inflate and refuse exactly the same bodies.
    const readJsonBody = createJsonBodyReader({ limit: config.app.bodyLimit });
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', (request, _payload, done) => {
      const raw = request.raw as IncomingMessage & { body?: unknown };
      readJsonBody(raw, undefined as unknown as ServerResponse, (error) =>
        error ? done(error, undefined) : done(null, raw.body),
      );
    });
  },

  async ready(app: INestApplication): Promise<void> {
    await (app as NestFastifyApplication)
      .getHttpAdapter()
      .getInstance()
      .ready();
  },
};

function withoutFragment(query: string): string {
  const fragment = query.indexOf('#');
  return fragment === -1 ? query : query.slice(0, fragment);
}

/** A media type Fastify can parse: `type/subtype`, parameters after it. */
const PARSABLE_MEDIA_TYPE =
  /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(?:;|$)/;

/**
 * Bodies are read as JSON whatever their Content-Type says (docs/api.md),
 * as on Express; Fastify would refuse one it cannot parse (`a/b/c`) with a
 * 415 before any check. Such a type is read as application/json, its
 * parameters (the charset) kept.
 */
function readAnyContentTypeAsJson(request: FastifyRequest): void {
  const contentType = request.headers['content-type'];
  if (contentType === undefined || PARSABLE_MEDIA_TYPE.test(contentType))
    return;
  const parameters = contentType.indexOf(';');
  request.headers['content-type'] =
    'application/json' +
    (parameters === -1 ? '' : contentType.slice(parameters));
}

/**
 * A hop count as Express reads it (proxy-addr: the `hop` nearest addresses
 * are proxies). Fastify 5.12 refuses a bare number and would silently trust
 * no proxy at all.
 */
function fastifyTrustProxy(
  trustProxy: AppConfig['app']['trustProxy'],
): string | false | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

/**
 * Errors Fastify raises before any route (and before Nest's filter): a path
 * that cannot be percent-decoded (`/api/%`) names no route, so 404 as on
 * Express; anything else is the client's malformed request.
 */
function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  const code = badUrl ? 404 : 400;
  void reply
    .headers(securityHeadersFor(request.raw))
    .header(REQUEST_ID_HEADER, request.id)
    .status(code)
    .send({ error: badUrl ? 'not found' : 'bad request', code });
}
