import { DomainError } from '../common/errors/domain-error';

export class InvalidCredentialsError extends DomainError {
  readonly kind = 'unauthenticated';
  constructor() {
    super('invalid username or password');
  }
}

export class RegistrationDisabledError extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('registration is disabled');
  }
}
