import {
  ArgumentMetadata,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { rejectUnparsableBody } from '../body/unparsable-body';
import { InvalidInputError, UnknownFieldsError } from '../errors/domain-error';

/**
 * The global ValidationPipe, speaking the contract's language: unknown keys
 * are refused by name (`unknown field: administrator`: no mass assignment),
 * and the first broken rule gives the `error` string its DTO declares
 * (`invalid count`). Each failing field is listed in `details`.
 */
export class ApiValidationPipe implements PipeTransform {
  private readonly bodyPipe = new ValidationPipe(options(true));
  /**
   * Query strings get the same checks but unknown parameters are dropped,
   * not refused: cache busters such as `?_=1699999999` are common.
   */
  private readonly queryPipe = new ValidationPipe(options(false));

  /**
   * Route params are parsed by their own pipes (this one would first turn
   * `1e1` or `0x2` into a number through its `number` type), and custom
   * decorators (@CurrentUser) hold what the server itself set: both go on
   * as they are, at once rather than through a promise on every request.
   */
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param' || metadata.type === 'custom') return value;
    if (metadata.type === 'query')
      return this.queryPipe.transform(value, metadata);
    return this.validateBody(value, metadata);
  }

  private validateBody(
    value: unknown,
    metadata: ArgumentMetadata,
  ): Promise<unknown> {
    rejectUnparsableBody(value);
    // A POST without a body means "all defaults", not "invalid".
    if (value === undefined) return this.bodyPipe.transform({}, metadata);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidInputError('request body must be a json object');
    }
    assertShallow(value);
    // class-validator's whitelist looks keys up in a plain object, so
    // names of Object.prototype members (`constructor`, `__proto__`,
    // `toString`…) would slip through it: refuse them here.
    const inherited = Object.keys(value).filter((key) =>
      INHERITED_NAMES.has(key),
    );
    if (inherited.length > 0) throw new UnknownFieldsError(inherited);
    return this.bodyPipe.transform(value, metadata);
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

/** Names every object answers to, which a whitelist lookup would mistake for declared fields. */
const INHERITED_NAMES = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** No body of this API nests deeper than this; deeper ones are refused before any recursion. */
const MAX_BODY_DEPTH = 32;

function assertShallow(body: object): void {
  const stack: Array<[unknown, number]> = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) {
      throw new InvalidInputError('request body nested too deeply');
    }
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
