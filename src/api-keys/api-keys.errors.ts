import { DomainError, InvalidFieldError } from '../common/errors/domain-error';

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

export class InvalidScopesError extends InvalidFieldError {
  constructor() {
    super('scopes', 'invalid scopes');
  }
}

export class InvalidNameError extends InvalidFieldError {
  constructor() {
    super('name', 'invalid name');
  }
}
