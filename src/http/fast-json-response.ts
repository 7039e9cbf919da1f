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
 * compileJson for answers that grow with their rows (lists, batches): the
 * text as UTF-8 bytes. Bytes are sent as they are; a long text would be
 * measured for Content-Length, then copied again behind the headers.
 */
export function compileJsonBytes<T>(schema: Schema): (body: T) => Buffer {
  const serialize = fastJson(schema);
  return (body) => Buffer.from(serialize(body));
}

/**
 * A route whose handler returns its 200 body as JSON text or bytes (from
 * compileJson or compileJsonBytes): both platforms send either under this
 * content type as it is.
 */
export const JsonText = () => Header('Content-Type', JSON_CONTENT_TYPE);
