import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

/** The committed document (`npm run openapi:write`), not the served one. */
export const OPENAPI_FILE = join(__dirname, '..', '..', 'openapi.json');

type Schema = Record<string, unknown>;

interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, unknown> }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** One HTTP exchange, as far as the contract is concerned. */
export interface Exchange {
  method: string;
  /** The request path; a query string is ignored. */
  path: string;
  status: number;
  body: unknown;
  /** The response's Content-Type; checked when the document names one. */
  contentType?: string;
}

let documentCache: OpenApiDocument | undefined;
const validators = new Map<string, ValidateFunction>();

export function loadOpenApiDocument(): OpenApiDocument {
  documentCache ??= JSON.parse(
    readFileSync(OPENAPI_FILE, 'utf8'),
  ) as OpenApiDocument;
  return documentCache;
}

/**
 * Everything in which the exchange breaks the document: an undocumented
 * path, method or status, a wrong content type, or a body that does not
 * match the response schema. Empty when it conforms.
 *
 * The check is stricter than OpenAPI on one point: an object schema that
 * lists `properties` and says nothing about `additionalProperties` admits
 * no other key, so a field the document does not mention (a leaked
 * password hash, say) fails the test instead of passing unnoticed.
 */
export function contractViolations(exchange: Exchange): string[] {
  const document = loadOpenApiDocument();
  const method = exchange.method.toLowerCase();
  const path = exchange.path.split('?')[0];
  const label = `${exchange.method.toUpperCase()} ${path} ${exchange.status}`;

  const template = Object.keys(document.paths).find((candidate) =>
    templateToRegExp(candidate).test(path),
  );
  if (!template) return [`${label}: the document has no path ${path}`];
  const operation = document.paths[template][method];
  if (!operation) {
    return [
      `${label}: the document has no ${method.toUpperCase()} ${template}`,
    ];
  }
  const responses = operation.responses ?? {};
  const key = [
    String(exchange.status),
    `${String(exchange.status)[0]}XX`,
    'default',
  ].find((candidate) => candidate in responses);
  if (!key) {
    return [
      `${label}: status ${exchange.status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
    ];
  }
  const content = (responses[key] as ResponseObject).content;
  if (!content) return [];
  const [mediaType, media] = Object.entries(content)[0];
  const violations: string[] = [];
  if (
    exchange.contentType !== undefined &&
    !exchange.contentType.startsWith(mediaType)
  ) {
    violations.push(
      `${label}: content type ${exchange.contentType}, documented ${mediaType}`,
    );
  }
  if (!media.schema) return violations;
  const validate = validatorFor(`${method} ${template} ${key}`, media.schema);
  if (!validate(exchange.body)) {
    for (const error of validate.errors ?? []) {
      const where = error.instancePath || '(root)';
      const extra =
        error.keyword === 'additionalProperties'
          ? ` (${String(error.params.additionalProperty)})`
          : '';
      violations.push(`${label}: body${where} ${error.message}${extra}`);
    }
  }
  return violations;
}

/** Fails the test, naming every violation, unless the response conforms. */
export function expectToMatchContract(response: Response): void {
  const violations = contractViolations(exchangeOf(response));
  if (violations.length > 0) {
    throw new Error(
      `response does not match openapi.json:\n  ${violations.join('\n  ')}\nbody: ${JSON.stringify(response.body)}`,
    );
  }
}

/** The method, path, status, body and content type of a supertest response. */
export function exchangeOf(response: Response): Exchange {
  const request = response.request as unknown as {
    method: string;
    url: string;
  };
  return {
    method: request.method,
    path: new URL(request.url, 'http://localhost').pathname,
    status: response.status,
    body: response.body as unknown,
    contentType: response.headers['content-type'],
  };
}

function templateToRegExp(template: string): RegExp {
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${pattern}/?$`);
}

function validatorFor(key: string, schema: Schema): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    const definitions = Object.fromEntries(
      Object.entries(loadOpenApiDocument().components?.schemas ?? {}).map(
        ([name, definition]) => [name, toJsonSchema(definition)],
      ),
    );
    validate = ajv().compile({ ...toJsonSchema(schema), definitions });
    validators.set(key, validate);
  }
  return validate;
}

let ajvInstance: Ajv | undefined;

function ajv(): Ajv {
  if (!ajvInstance) {
    ajvInstance = new Ajv({ allErrors: true, strict: true });
    addFormats(ajvInstance);
    // OpenAPI annotations that JSON Schema does not know.
    ajvInstance.addVocabulary(['example', 'xml', 'externalDocs']);
  }
  return ajvInstance;
}

/**
 * An OpenAPI 3.0 schema object as JSON Schema: references point into the
 * `definitions` the validator is compiled with, `nullable: true` becomes a
 * `null` alternative, and objects are closed (see contractViolations).
 */
function toJsonSchema(schema: unknown): Schema {
  if (typeof schema !== 'object' || schema === null) return {};
  const { nullable, ...rest } = schema as Schema;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    converted[key] = convertKeyword(key, value);
  }
  if (
    converted.properties !== undefined &&
    converted.additionalProperties === undefined
  ) {
    converted.additionalProperties = false;
  }
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum))
      converted.enum = [...converted.enum, null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

function convertKeyword(key: string, value: unknown): unknown {
  switch (key) {
    case '$ref':
      return String(value).replace('#/components/schemas/', '#/definitions/');
    case 'properties':
    case 'patternProperties':
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(
          ([name, child]) => [name, toJsonSchema(child)],
        ),
      );
    case 'items':
    case 'not':
      return Array.isArray(value)
        ? value.map((child) => toJsonSchema(child))
        : toJsonSchema(value);
    case 'additionalProperties':
      return typeof value === 'boolean' ? value : toJsonSchema(value);
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return (value as unknown[]).map((child) => toJsonSchema(child));
    default:
      return value;
  }
}
