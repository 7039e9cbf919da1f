import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, DOCS_PATH } from './common/routing/route-table';
import { METRICS_PATH } from './metrics/metrics.controller';
import type { AppConfig } from './config/configuration';
import type { HttpPlatform } from './http/http-platform';
import { buildOpenApiDocument } from './openapi';
import { WEB_ROUTES } from './web/web.controller';

/**
 * Everything about the HTTP surface that is not a module: the platform's
 * request hooks and body reading, CORS, the /api prefix, the OpenAPI
 * document. Shared by main.ts and the e2e tests so both serve exactly the
 * same thing. The app must have been created on platform.createAdapter().
 */
export function configureApp(
  app: INestApplication,
  config: AppConfig,
  platform: HttpPlatform,
): void {
  platform.configure(app, config);
  if (config.app.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.app.corsOrigins.includes('*')
        ? true
        : config.app.corsOrigins,
      exposedHeaders: ['Link', 'X-Request-Id', 'Retry-After'],
    });
  }
  // The pages (web/) and /metrics live at the root, next to /api.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [...WEB_ROUTES, METRICS_PATH],
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
  });
}
