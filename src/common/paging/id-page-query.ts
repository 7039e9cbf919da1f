import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ApiErrorResponses } from '../decorators/api-error-responses.decorator';
import { InvalidInputError } from '../errors/domain-error';
import { API_PREFIX } from '../routing/route-table';

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
 * the cursor is the last id seen. Anything else in the query → 400.
 */
export function parseIdPageQuery(query: Record<string, unknown>): IdPageQuery {
  const result: IdPageQuery = { limit: ID_PAGE_DEFAULT };
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw new InvalidInputError('invalid query');
    if (key === 'limit' && /^\d{1,4}$/.test(value)) {
      result.limit = Number(value);
      if (result.limit < 1 || result.limit > ID_PAGE_MAX)
        throw new InvalidInputError('invalid query');
    } else if (key === 'cursor' && /^[1-9]\d{0,17}$/.test(value)) {
      result.before = value;
    } else {
      throw new InvalidInputError('invalid query');
    }
  }
  return result;
}

/** The next page's URL when the page is full, else undefined. */
export function nextIdPage(
  query: IdPageQuery,
  rows: Array<{ id: string | number }>,
): URLSearchParams | undefined {
  if (rows.length < query.limit) return undefined;
  const last = rows[rows.length - 1];
  return new URLSearchParams({
    limit: String(query.limit),
    cursor: String(last.id),
  });
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
