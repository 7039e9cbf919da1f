import { Header } from '@nestjs/common';
import fastJson, { type Schema } from 'fast-json-stringify';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A serializer compiled once from `schema` by fast-json-stringify, for a
 * body whose shape is fixed: it writes what JSON.stringify would, without
 * discovering the shape of every object. Keys the schema does not name are
 * left out.
 */
export function compileJson<T>(schema: Schema): (body: T) => string {
  return fastJson(schema);
}

/**
 * A route whose handler returns its 200 body as JSON text (from
 * compileJson): both platforms send a string under this content type as it
 * is.
 */
export const JsonText = () => Header('Content-Type', JSON_CONTENT_TYPE);
