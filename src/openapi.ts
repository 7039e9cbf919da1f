import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of the app, as served at /api/docs-json and written
 * to openapi.json by `npm run openapi:write`: one function, so the two can
 * never differ. Call it once the global prefix is set (configureApp does).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Invite service')
      .setDescription(
        "Invite codes and invite-only registration, wire-compatible with Zipline v3's /api/auth/invite.",
      )
      .setVersion('1.0')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      // Relative: the document is served by the instance it describes.
      .addServer('/', 'This instance')
      .addBearerAuth()
      .build(),
  );
  return canonical(document, 'sorted') as OpenAPIObject;
}

/**
 * Object keys in alphabetical order, so that moving a decorator or a module
 * does not reorder the committed file. Two things keep the order they were
 * written in, because it means something to a reader: the fields of a
 * schema's `properties` (the order of the keys on the wire) and example
 * values.
 */
function canonical(
  value: unknown,
  order: 'sorted' | 'properties' | 'as-written',
): unknown {
  if (Array.isArray(value)) {
    return value.map((item) =>
      canonical(item, order === 'as-written' ? order : 'sorted'),
    );
  }
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (order === 'sorted') keys.sort();
  return Object.fromEntries(
    keys.map((key) => [
      key,
      canonical(
        (value as Record<string, unknown>)[key],
        childOrder(order, key),
      ),
    ]),
  );
}

function childOrder(
  order: 'sorted' | 'properties' | 'as-written',
  key: string,
): 'sorted' | 'properties' | 'as-written' {
  if (order === 'as-written') return order;
  // Under `properties` every key is a field name, whatever it is called.
  if (order === 'properties') return 'sorted';
  if (key === 'properties') return 'properties';
  if (key === 'example' || key === 'examples') return 'as-written';
  return 'sorted';
}
