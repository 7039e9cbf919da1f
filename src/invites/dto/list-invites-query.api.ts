import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../list-invites-query';

/**
 * `limit` and `cursor` of a paged list, for the OpenAPI document;
 * PageQueryPipe reads them.
 */
export function ApiPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      type: 'integer',
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      description:
        'Page size; when more rows remain, a `Link: <…>; rel="next"` header points to the next page',
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      type: String,
      description: 'Opaque cursor from a previous page’s Link header',
    }),
  );
}

const booleanFilter = (name: string, description: string) =>
  ApiQuery({ name, required: false, enum: ['true', 'false'], description });

/**
 * GET's optional query, for the OpenAPI document. Without any of these the
 * answer is the seed's: every invite. ListInvitesQueryPipe reads the raw
 * query (it must see repeated keys) and is its only check.
 */
export function ApiListInvitesQuery(): MethodDecorator {
  return applyDecorators(
    booleanFilter('used', 'Only used-up (or only not used-up) invites'),
    booleanFilter('expired', 'Only expired (or only unexpired) invites'),
    booleanFilter('revoked', 'Only revoked (or only unrevoked) invites'),
    booleanFilter(
      'valid',
      'Only invites a registration could redeem now (or only those it could not)',
    ),
    ApiQuery({
      name: 'createdById',
      required: false,
      type: 'integer',
      minimum: 1,
      description: 'Only invites this administrator created',
    }),
    ApiQuery({
      name: 'code',
      required: false,
      type: String,
      description: 'Only the invite with this exact code',
    }),
    ApiPageQuery(),
  );
}
