import { DomainError } from '../common/errors/domain-error';

export class UsernameTakenError extends DomainError {
  readonly kind = 'conflict';
  constructor() {
    super('username already exists');
  }
}

export class UserNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(username: string) {
    super(`user not found: ${username}`);
  }
}
