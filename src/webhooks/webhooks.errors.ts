import { DomainError, InvalidInputError } from '../common/errors/domain-error';

export class InvalidUrlError extends InvalidInputError {
  constructor() {
    super('invalid url');
  }
}

export class InvalidEventsError extends InvalidInputError {
  constructor() {
    super('invalid events');
  }
}

export class WebhookNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor() {
    super('webhook not found');
  }
}
