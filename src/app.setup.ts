import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { logAccess } from './common/hooks/access-log.hook';
import { closeConnectionsWhenDraining } from './common/hooks/connection-draining.hook';
import { echoRequestId } from './common/hooks/request-id.hook';
import { useJsonBodyParser } from './common/http/json-body-parser';
import { addSecurityHeaders } from './common/http/security-headers';
import { API_PREFIX } from './common/routing/route-table';
import type { AppConfig } from './config/configuration';
import { buildOpenApiDocument } from './openapi';
import { WEB_ROUTES } from './web/web.controller';

/**
 * Everything about the HTTP surface that is not a module: request hooks
 * (ids, access log, draining), security headers, CORS, the /api prefix,
 * body parsing with its limit, the OpenAPI document. Shared by main.ts and
 * the e2e tests so both serve exactly the same thing. The app must have been
 * created on createHttpAdapter(config).
 */
export function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', closeConnectionsWhenDraining);
  fastify.addHook('onRequest', echoRequestId);
  fastify.addHook('onRequest', addSecurityHeaders);
  fastify.addHook('onResponse', logAccess);
  if (config.app.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.app.corsOrigins.includes('*')
        ? true
        : config.app.corsOrigins,
      exposedHeaders: ['Link', 'X-Request-Id', 'Retry-After'],
    });
  }
  // The pages (web/) live at the root, next to /api.
  app.setGlobalPrefix(API_PREFIX, { exclude: [...WEB_ROUTES] });
  useJsonBodyParser(fastify, { limit: config.app.bodyLimit });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
