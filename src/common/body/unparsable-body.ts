import { UnreadableBodyError } from '../errors/domain-error';

/**
 * What `request.body` holds when the body is not valid JSON. The body
 * readers leave it there instead of failing at once, so a malformed body
 * is refused where the contract puts input validation: after
 * authentication, the administrator check and the feature flag.
 */
export const UNPARSABLE_BODY: object = Object.freeze({});

/** @throws UnreadableBodyError `invalid json body` for the marker above. */
export function rejectUnparsableBody(body: unknown): void {
  if (body === UNPARSABLE_BODY)
    throw new UnreadableBodyError('invalid', 'invalid json body');
}
