import { DomainError, InvalidInputError } from '../common/errors/domain-error';

export class InsufficientScopeError extends DomainError {
  readonly kind = 'forbidden';
  constructor() {
    super('insufficient scope');
  }
}

export class ApiKeyNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor() {
    super('api key not found');
  }
}

export class InvalidScopesError extends InvalidInputError {
  constructor() {
    super('invalid scopes');
  }
}

export class InvalidNameError extends InvalidInputError {
  constructor() {
    super('invalid name');
  }
}
