import { DomainError, InvalidFieldError } from '../common/errors/domain-error';

export class InvitesDisabledError extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('invites are disabled');
  }
}

export class InvalidDateError extends InvalidFieldError {
  constructor() {
    super('expiresAt', 'invalid date');
  }
}

export class InvalidCountError extends InvalidFieldError {
  constructor() {
    super('count', 'invalid count');
  }
}

export class InvalidMaxUsesError extends InvalidFieldError {
  constructor() {
    super('maxUses', 'invalid maxUses');
  }
}

export class InvalidQueryError extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('invalid query');
  }
}

export class InvalidNoteError extends InvalidFieldError {
  constructor() {
    super('note', 'invalid note');
  }
}

export class InviteNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor() {
    super('invite not found');
  }
}

/**
 * One answer for a missing, unknown, expired, used-up or revoked code, so
 * the registration form cannot be used as an oracle for which codes exist.
 */
export class InvalidInviteCodeError extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('invalid invite code');
  }
}

/**
 * The public lookup's one answer for an unknown, expired, used-up or revoked
 * code: the registration's message, as a 404 because it is a lookup.
 */
export class InviteCodeNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor() {
    super('invalid invite code');
  }
}

/** Fresh codes kept colliding: only possible with a broken generator or a full code space. */
export class CodeSpaceExhaustedError extends Error {
  constructor(attempts: number) {
    super(`could not find unused invite codes after ${attempts} attempts`);
  }
}
