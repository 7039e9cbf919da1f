import type { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { UNPARSABLE_BODY } from '../body/unparsable-body';
import {
  InvalidInputError,
  UnknownFieldsError,
  UnreadableBodyError,
} from '../errors/domain-error';
import { ApiValidationPipe } from './api-validation.pipe';

class CountInput {
  @IsOptional()
  @IsInt({ message: 'invalid count' })
  @Min(1, { message: 'invalid count' })
  @Max(100, { message: 'invalid count' })
  count?: number;
}

const body: ArgumentMetadata = { type: 'body', metatype: CountInput };
const query: ArgumentMetadata = { type: 'query', metatype: CountInput };

describe('ApiValidationPipe', () => {
  const pipe = new ApiValidationPipe();

  it('hands a custom decorator its value as it is, without a promise', () => {
    const user = { id: 1, username: 'administrator' };
    expect(pipe.transform(user, { type: 'custom', metatype: Object })).toBe(
      user,
    );
  });

  it('leaves route params to their own pipes, unconverted', () => {
    expect(pipe.transform('1e1', { type: 'param', metatype: Number })).toBe(
      '1e1',
    );
  });

  it('reads a missing body as all defaults', async () => {
    const value = await pipe.transform(undefined, body);
    expect(value).toBeInstanceOf(CountInput);
    expect(value).toEqual({});
  });

  it('names the first broken rule and lists every failing field', async () => {
    await expect(pipe.transform({ count: 0 }, body)).rejects.toMatchObject({
      constructor: InvalidInputError,
      message: 'invalid count',
      details: { details: [{ field: 'count', error: 'invalid count' }] },
    });
  });

  it('refuses unknown body fields by name, inherited names included', async () => {
    await expect(
      pipe.transform({ count: 1, administrator: true }, body),
    ).rejects.toThrow('unknown field: administrator');
    expect(() => pipe.transform({ constructor: 1 }, body)).toThrow(
      UnknownFieldsError,
    );
  });

  it('refuses a body that is not a JSON object, or is not JSON', () => {
    expect(() => pipe.transform([1], body)).toThrow(
      'request body must be a json object',
    );
    expect(() => pipe.transform(UNPARSABLE_BODY, body)).toThrow(
      UnreadableBodyError,
    );
  });

  it('drops unknown query parameters rather than refusing them', async () => {
    await expect(
      pipe.transform({ count: 5, _: '1699999999' }, query),
    ).resolves.toEqual({ count: 5 });
  });
});
