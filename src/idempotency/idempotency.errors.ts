import { DomainError, InvalidInputError } from '../common/errors/domain-error';

export class InvalidIdempotencyKeyError extends InvalidInputError {
  constructor() {
    super('invalid idempotency key');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'unprocessable';
  constructor() {
    super('idempotency key reused with a different request');
  }
}

export class RequestInProgressError extends DomainError {
  readonly kind = 'conflict';
  constructor() {
    super('request in progress');
  }
}
