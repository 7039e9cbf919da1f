import type { NextFunction, Request, Response } from 'express';
import { UnreadableBodyError } from '../errors/domain-error';

/** body-parser's error `type`s, in the contract's words. */
const TRANSLATIONS: Record<string, () => UnreadableBodyError> = {
  'entity.parse.failed': () =>
    new UnreadableBodyError('invalid', 'invalid json body'),
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

/**
 * An Express error handler placed right after the JSON parser: it turns the
 * parser's errors into domain errors before Nest's router sees them (Nest
 * would otherwise flatten them into a generic 400), so the global filter
 * answers `invalid json body` / `payload too large`.
 */
export function bodyParserErrorsMiddleware(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const type =
    typeof error === 'object' && error !== null && 'type' in error
      ? String(error.type)
      : '';
  const translate = TRANSLATIONS[type] ?? translateByStatus(error);
  next(translate ? translate() : error);
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
  if (status === 415) {
    return () =>
      new UnreadableBodyError(
        'unsupported-media-type',
        'unsupported content encoding',
      );
  }
  return () => new UnreadableBodyError('invalid', 'invalid json body');
}
