/**
 * What went wrong, in terms of the domain rather than HTTP. The global
 * exception filter is the one place that turns a kind into a status code.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unavailable';

/**
 * A failure the caller can act on. `message` is the exact `error` string of
 * the API contract; `details` is optional extra context (e.g. each invalid
 * field) that is safe to show to the caller.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A request body or query that does not satisfy the contract. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
}

/** Keys a body may not have: the first names the `error`, `details` names them all. */
export class UnknownFieldsError extends InvalidInputError {
  constructor(fields: string[]) {
    super(`unknown field: ${fields[0]}`, {
      details: fields.map((field) => ({
        field,
        error: `unknown field: ${field}`,
      })),
    });
  }
}

export interface FieldFailure {
  field: string;
  error: string;
}

/** One body field that breaks its rule: `error`, and `details` naming the field. */
export class InvalidFieldError extends InvalidInputError {
  private readonly failures: FieldFailure[];

  constructor(field: string, message: string) {
    const failures = [{ field, error: message }];
    super(message, { details: failures });
    this.failures = failures;
  }

  /** This error (its `error` leads), with `details` also naming the fields of `others`. */
  alongside(others: InvalidFieldError[]): this {
    for (const other of others) this.failures.push(...other.failures);
    return this;
  }
}

export class NotLoggedInError extends DomainError {
  readonly kind = 'unauthenticated';
  constructor() {
    super('not logged in');
  }
}

export class NotAdministratorError extends DomainError {
  readonly kind = 'forbidden';
  constructor() {
    super('not an administrator');
  }
}

/** The body could not be read as JSON at all (raised by body-parser, before any route). */
export class UnreadableBodyError extends DomainError {
  constructor(
    readonly kind: 'invalid' | 'payload-too-large' | 'unsupported-media-type',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Too much work already queued (a password-hashing flood): 503 with a
 * `Retry-After` of `retryAfterSeconds`, which the exception filter sends.
 */
export class ServerBusyError extends DomainError {
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds = 1) {
    super('server busy');
  }
}
