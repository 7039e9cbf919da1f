import { json } from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNPARSABLE_BODY } from '../common/body/unparsable-body';
import { UnreadableBodyError } from '../common/errors/domain-error';

/** body-parser's error `type`s, in the contract's words. */
const TRANSLATIONS: Record<string, () => UnreadableBodyError> = {
  'entity.verify.failed': () =>
    new UnreadableBodyError('invalid', 'invalid json body'),
  'request.size.invalid': () =>
    new UnreadableBodyError('invalid', 'invalid json body'),
  'request.aborted': () =>
    new UnreadableBodyError('invalid', 'request aborted'),
  'entity.too.large': () =>
    new UnreadableBodyError('payload-too-large', 'payload too large'),
  'encoding.unsupported': () =>
    new UnreadableBodyError(
      'unsupported-media-type',
      'unsupported content encoding',
    ),
  'charset.unsupported': () =>
    new UnreadableBodyError('unsupported-media-type', 'unsupported charset'),
};

export type JsonBodyReader = (
  request: IncomingMessage & { body?: unknown },
  response: ServerResponse,
  done: (error?: Error) => void,
) => void;

/**
 * Request bodies are read by body-parser's JSON reader on both platforms: it
 * inflates gzip, deflate and br bodies, checks the charset and the size
 * limit, and parses any JSON value, as docs/api.md describes. Every body is
 * read as JSON whatever its media type: the contract has no other, and a
 * `curl -d` sent as a form must not have its fields dropped in silence. The
 * parsed body lands on `request.body`, or UNPARSABLE_BODY when the text is
 * not JSON or does not inflate; the errors of reading itself (too large,
 * unsupported charset or encoding, cut short) arrive at once, translated
 * into the contract's `payload too large` / 415 / 400 answers.
 */
export function createJsonBodyReader(options: {
  limit: number;
}): JsonBodyReader {
  const parse = json({
    limit: options.limit,
    // Not strict: `"text"` or `5` is valid JSON, which the body pipe
    // refuses as not an object, as it refuses `[1]`.
    strict: false,
    type: () => true,
  });
  return (request, response, done) =>
    parse(request, response, (error?: unknown) => {
      if (isSyntaxError(error) || isUninflatable(error)) {
        request.body = UNPARSABLE_BODY;
        done();
      } else {
        done(error ? translate(error) : undefined);
      }
    });
}

/** Text that arrived whole but is not JSON: refused later, in check order. */
function isSyntaxError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    error.type === 'entity.parse.failed'
  );
}

/**
 * A compressed body that does not inflate: body-parser passes the
 * decompressor's error on as a bare 400, every error of its own has a
 * `type`. Its text is not JSON either, so it waits its turn the same way.
 */
function isUninflatable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    !('type' in error) &&
    'status' in error &&
    error.status === 400
  );
}

function translate(error: unknown): Error {
  const type =
    typeof error === 'object' && error !== null && 'type' in error
      ? String(error.type)
      : '';
  const translation = TRANSLATIONS[type] ?? translateByStatus(error);
  if (translation) return translation();
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Errors body-parser raises without a known `type` but with a 4xx status,
 * such as a gzip body that does not inflate: still the client's fault.
 */
function translateByStatus(
  error: unknown,
): (() => UnreadableBodyError) | undefined {
  const status =
    typeof error === 'object' && error !== null && 'status' in error
      ? Number(error.status)
      : NaN;
  if (!(status >= 400 && status < 500)) return undefined;
  if (status === 413) return TRANSLATIONS['entity.too.large'];
  if (status === 415) return TRANSLATIONS['encoding.unsupported'];
  return () => new UnreadableBodyError('invalid', 'invalid json body');
}
