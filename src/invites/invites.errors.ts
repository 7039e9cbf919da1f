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

/**
 * Fresh codes kept colliding: only possible with a nearly full code space
 * (or a broken generator). Not a 500: a collision is never the server
 * failing, and the operator's remedy is a longer INVITES_LENGTH.
 */
export class CodeSpaceExhaustedError extends DomainError {
  readonly kind = 'unavailable';
  constructor() {
    super('no unused invite codes left');
  }
}
