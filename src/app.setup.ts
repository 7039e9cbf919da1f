import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { SwaggerModule } from '@nestjs/swagger';
import { accessLogMiddleware } from './common/middleware/access-log.middleware';
import { answerClientErrorsAsJson } from './common/http/client-error-handler';
import { connectionDrainingMiddleware } from './common/middleware/connection-draining.middleware';
import { bodyParserErrorsMiddleware } from './common/middleware/body-parser-errors.middleware';
import { requestIdMiddleware } from './common/middleware/request-id.middleware';
import { API_PREFIX } from './common/routing/route-table';
import type { AppConfig } from './config/configuration';
import { buildOpenApiDocument } from './openapi';

/**
 * Everything about the HTTP surface that is not a module: the /api prefix,
 * body parsing with its limit, request ids, the OpenAPI document. Shared by
 * main.ts and the e2e tests so both serve exactly the same thing.
 */
export function configureApp(
  app: NestExpressApplication,
  config: AppConfig,
): void {
  answerClientErrorsAsJson(app.getHttpServer());
  app.use(connectionDrainingMiddleware);
  app.use(requestIdMiddleware);
  app.use(accessLogMiddleware);
  app.use(helmet());
  if (config.app.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.app.corsOrigins.includes('*')
        ? true
        : config.app.corsOrigins,
      exposedHeaders: ['Link', 'X-Request-Id', 'Retry-After'],
    });
  }
  app.set('trust proxy', config.app.trustProxy);
  app.setGlobalPrefix(API_PREFIX);
  app.useBodyParser('json', { limit: config.app.bodyLimit, strict: true });
  app.use(bodyParserErrorsMiddleware);
  app.disable('x-powered-by');

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
