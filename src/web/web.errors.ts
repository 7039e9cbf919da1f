import { DomainError } from '../common/errors/domain-error';

/** A page asset that the build did not produce: the same 404 as an unknown route. */
export class AssetNotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor() {
    super('not found');
  }
}
