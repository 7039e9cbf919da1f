import type { ApiErrorBody } from '../api-types';

/** A failed API call, carrying the contract's `error` sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error);
  }
}

export interface ApiResponse<T> {
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  query?: Record<string, string | number | boolean | undefined>;
}

/**
 * fetch() for the service's own /api routes. A non-2xx answer becomes an
 * ApiError with the body's sentence; a network failure or a non-JSON body
 * one with a sentence of our own, so a caller always has words to show.
 */
export async function api<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(url.pathname + url.search, {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, { error: 'the service cannot be reached', code: 0 });
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = isErrorBody(body)
      ? body
      : {
          error: `unexpected answer (${response.status})`,
          code: response.status,
        };
    throw new ApiError(response.status, error);
  }
  return { body: body as T, headers: response.headers };
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiErrorBody).error === 'string'
  );
}

/** The `cursor` of a `Link: <…>; rel="next"` header, or null on the last page. */
export function nextCursor(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(part);
    if (match) {
      return new URL(match[1], window.location.origin).searchParams.get(
        'cursor',
      );
    }
  }
  return null;
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);
}
