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

/** The service must keep someone who can manage it. */
export class LastAdministratorError extends DomainError {
  readonly kind = 'conflict';
  constructor(username: string, action: 'demote' | 'disable' | 'delete') {
    super(
      `refusing to ${action} "${username}": it is the last enabled administrator (grant-admin another user first)`,
    );
  }
}
