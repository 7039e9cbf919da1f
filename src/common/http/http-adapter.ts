import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import type { AppConfig } from '../../config/configuration';
import { REQUEST_ID_HEADER, requestIdFor } from '../hooks/request-id.hook';
import { answerClientErrorAsJson } from './client-error-handler';
import { SECURITY_HEADERS } from './security-headers';

/**
 * The HTTP server under Nest: Fastify, chosen over Express because the
 * framework's own cost per request is several times lower (see
 * docs/benchmarks.md). Its options keep the matching rules the API was
 * specified with: paths match case-insensitively and with or without a
 * trailing slash, repeated query keys become arrays, and every error,
 * including malformed requests, gets the contract's JSON body.
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.app.trustProxy,
    genReqId: requestIdFor,
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      querystringParser: (query) => parseQueryString(query),
    },
    clientErrorHandler: answerClientErrorAsJson,
    // A path that cannot be percent-decoded (`/api/%`) names no route: 404,
    // as for any other unknown path, rather than Fastify's own 400 body.
    frameworkErrors: (
      error: FastifyError,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => {
      const badUrl = error.code === 'FST_ERR_BAD_URL';
      const code = badUrl ? 404 : 400;
      void reply
        .headers(SECURITY_HEADERS)
        .header(REQUEST_ID_HEADER, request.id)
        .status(code)
        .send({ error: badUrl ? 'not found' : 'bad request', code });
    },
    // During shutdown, requests that still arrive on open connections are
    // answered (with Connection: close), not refused with Fastify's 503.
    return503OnClosing: false,
    // Nest middleware is not used: the request hooks are Fastify hooks.
    skipMiddie: true,
  });
}
