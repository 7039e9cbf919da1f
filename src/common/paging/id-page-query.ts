import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ApiErrorResponses } from '../decorators/api-error-responses.decorator';
import { InvalidInputError } from '../errors/domain-error';
import { API_PREFIX } from '../routing/route-table';
import type { Page } from './page';

export const ID_PAGE_MAX = 1000;
export const ID_PAGE_DEFAULT = 100;

/** `limit` and the opaque `cursor` of a newest-first list ordered by a numeric id. */
export interface IdPageQuery {
  limit: number;
  /** Rows with an id below this one; absent on the first page. */
  before?: string;
}

/**
 * For append-only logs (audit, deliveries) the id alone orders the rows, so
 * the cursor is the last id seen. A bad `limit` or `cursor` → 400; other
 * parameters are ignored, as on the invite list.
 */
export function parseIdPageQuery(query: Record<string, unknown>): IdPageQuery {
  const result: IdPageQuery = { limit: ID_PAGE_DEFAULT };
  const { limit, cursor } = query;
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^\d{1,4}$/.test(limit))
      throw new InvalidInputError('invalid query');
    result.limit = Number(limit);
    if (result.limit < 1 || result.limit > ID_PAGE_MAX)
      throw new InvalidInputError('invalid query');
  }
  if (cursor !== undefined) {
    if (typeof cursor !== 'string' || !/^[1-9]\d{0,17}$/.test(cursor))
      throw new InvalidInputError('invalid query');
    result.before = cursor;
  }
  return result;
}

/**
 * The page from rows read with one more than `query.limit` (the services
 * do): the extra row, cut here, is what says another page exists.
 */
export function idPage<T extends { id: string | number }>(
  query: IdPageQuery,
  rows: T[],
): Page<T> {
  if (rows.length <= query.limit) return { items: rows };
  const items = rows.slice(0, query.limit);
  return {
    items,
    next: new URLSearchParams({
      limit: String(query.limit),
      cursor: String(items[items.length - 1].id),
    }),
  };
}

/** The `Link` header of a paged list's 200, for the list at `path` (under the API prefix). */
export const NEXT_PAGE_LINK_HEADER = (path: string) => ({
  Link: {
    description: `When more rows remain: \`</${API_PREFIX}/${path}?limit=…&cursor=…>; rel="next"\``,
    schema: { type: 'string' },
  },
});

/** The `limit` and `cursor` parameters of an id-paged list, documented. */
export const ApiIdPageQuery = () =>
  applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: ID_PAGE_MAX },
    }),
    ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' } }),
    ApiErrorResponses([400, 'invalid query']),
  );
