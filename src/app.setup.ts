import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, UNPREFIXED_PATHS } from './common/routing/route-table';
import type { AppConfig } from './config/configuration';
import type { HttpPlatform } from './http/http-platform';
import { buildOpenApiDocument } from './openapi';

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
  // Prometheus scrapes /metrics, outside the API (API.md, "Operations").
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
