import {
  ArgumentMetadata,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-error';

/**
 * The global ValidationPipe, speaking the contract's language: unknown keys
 * are refused by name (`unknown field: administrator`: no mass assignment),
 * and the first broken rule gives the `error` string its DTO declares
 * (`invalid count`). Each failing field is listed in `details`.
 */
export class ApiValidationPipe extends ValidationPipe {
  /**
   * Query strings get the same checks but unknown parameters are dropped,
   * not refused: cache busters such as `?_=1699999999` are common.
   */
  private readonly queryPipe = new ValidationPipe(options(false));

  constructor() {
    super(options(true));
  }

  async transform(
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    // A POST without a body means "all defaults", not "invalid".
    if (metadata.type === 'body') {
      if (value == null) return super.transform({}, metadata);
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new InvalidInputError('request body must be a json object');
      }
    }
    if (metadata.type === 'query')
      return this.queryPipe.transform(value, metadata);
    return super.transform(value, metadata);
  }
}

function options(forbidUnknownKeys: boolean) {
  return {
    whitelist: true,
    forbidNonWhitelisted: forbidUnknownKeys,
    forbidUnknownValues: true,
    transform: true,
    // No implicit conversions: "abc" must not quietly become NaN, nor "2.5"
    // an integer. Inputs that allow strings of digits convert explicitly.
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors: ValidationError[]) =>
      toInvalidInputError(errors),
  };
}

function toInvalidInputError(errors: ValidationError[]): InvalidInputError {
  const failures = errors.map((error) => ({
    field: error.property,
    error: messageOf(error),
  }));
  const unknown = failures.find((failure) =>
    failure.error.startsWith('unknown field'),
  );
  const first = unknown ?? failures[0];
  return new InvalidInputError(first?.error ?? 'invalid request', {
    details: failures,
  });
}

function messageOf(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation)
    return `unknown field: ${error.property}`;
  if (constraints.unknownValue) return 'request body must be a json object';
  const first = Object.values(constraints)[0];
  if (first) return first;
  const child = error.children?.[0];
  return child ? messageOf(child) : `invalid ${error.property}`;
}
