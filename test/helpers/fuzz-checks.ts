import request from 'supertest';
import type { Response } from 'supertest';
import type { TestApp } from './create-app';

/**
 * The HTTP fuzz suite's plumbing: one request description, the sender, the
 * checks every answer must pass (API.md, "Errors"), and the row counts that
 * rejected requests must leave alone.
 */

/** The seed of the whole run: `FUZZ_SEED=<n>` replays a run exactly. */
export const FUZZ_SEED = ((): number => {
  const fromEnv = process.env.FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`FUZZ_SEED must be an integer, got ${fromEnv}`);
    }
    return seed;
  }
  return Date.now() % 2 ** 31;
})();

export interface FuzzRequest {
  method: string;
  /** Path and query string, as sent on the request line. */
  path: string;
  headers: Record<string, string>;
  /** Raw body; sent as a Buffer (no content type added) when no content-type header is set. */
  body?: string;
}

export class FuzzFailure extends Error {}

export function describeRequest(req: FuzzRequest): string {
  const body =
    req.body === undefined
      ? '(none)'
      : req.body.length > 400
        ? `${JSON.stringify(req.body.slice(0, 400))}… (${req.body.length} chars)`
        : JSON.stringify(req.body);
  return `${req.method} ${req.path} headers=${JSON.stringify(req.headers)} body=${body}`;
}

function describeResponse(res: Response): string {
  const text = typeof res.text === 'string' ? res.text : '';
  return `${res.status} content-type=${String(res.headers['content-type'])} body=${text.slice(0, 400)}`;
}

/** Fails with everything needed to replay the request: the seed, the request, the answer. */
export function fuzzFail(
  message: string,
  req: FuzzRequest,
  res?: Response,
): never {
  throw new FuzzFailure(
    `[FUZZ_SEED=${FUZZ_SEED}] ${message}\n  request:  ${describeRequest(req)}` +
      (res ? `\n  response: ${describeResponse(res)}` : ''),
  );
}

type Sender = (url: string) => request.Test;

/** How many requests the suite sent, all categories together. */
export const fuzzStats = { requests: 0, planned: 0, failedCategories: 0 };

export async function send(t: TestApp, req: FuzzRequest): Promise<Response> {
  const agent = request(t.http) as unknown as Record<string, Sender>;
  const sender = agent[req.method.toLowerCase()];
  if (typeof sender !== 'function') {
    throw new Error(`supertest cannot send ${req.method}`);
  }
  let test = sender.call(agent, req.path);
  for (const [name, value] of Object.entries(req.headers)) {
    test = test.set(name, value);
  }
  // Every body is sent byte for byte: a string with an explicit content
  // type, or a Buffer so that supertest adds no content type of its own.
  if (req.body !== undefined) {
    const hasType = Object.keys(req.headers).some(
      (name) => name.toLowerCase() === 'content-type',
    );
    test = test.send(hasType ? req.body : Buffer.from(req.body, 'utf8'));
  }
  fuzzStats.requests += 1;
  try {
    return await test;
  } catch (error) {
    return fuzzFail(
      `the request did not complete: ${String(error)}`,
      req,
      undefined,
    );
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isIso = (value: unknown): boolean =>
  typeof value === 'string' &&
  ISO.test(value) &&
  new Date(value).toISOString() === value;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown): boolean => Number.isSafeInteger(value);

/** Returns a reason when `value` is not a `User`, else null. */
export function userProblem(value: unknown): string | null {
  if (!isObject(value)) return 'user is not an object';
  if (!isInt(value.id)) return 'user.id is not an integer';
  if (typeof value.username !== 'string') return 'user.username';
  if (typeof value.administrator !== 'boolean') return 'user.administrator';
  if (!isIso(value.createdAt)) return 'user.createdAt is not ISO';
  if (value.inviteId !== null && !isInt(value.inviteId)) return 'inviteId';
  for (const secret of ['password', 'passwordHash', 'password_hash']) {
    if (secret in value) return `user exposes ${secret}`;
  }
  return null;
}

/** Returns a reason when `value` is not an `Invite`, else null. */
export function inviteProblem(value: unknown): string | null {
  if (!isObject(value)) return 'invite is not an object';
  if (!isInt(value.id)) return 'invite.id';
  if (typeof value.code !== 'string' || !/^[A-Za-z0-9]{6,64}$/.test(value.code))
    return 'invite.code';
  if (!isIso(value.createdAt)) return 'invite.createdAt';
  if (value.expiresAt !== null && !isIso(value.expiresAt))
    return 'invite.expiresAt';
  if (typeof value.used !== 'boolean') return 'invite.used';
  if (!isInt(value.createdById)) return 'invite.createdById';
  if (!isInt(value.uses) || (value.uses as number) < 0) return 'invite.uses';
  if (
    value.maxUses !== null &&
    (!isInt(value.maxUses) || (value.maxUses as number) < 1)
  )
    return 'invite.maxUses';
  const used =
    value.maxUses !== null &&
    (value.uses as number) >= (value.maxUses as number);
  if (value.used !== used) return 'invite.used disagrees with uses/maxUses';
  return null;
}

function sessionProblem(value: unknown): string | null {
  if (!isObject(value)) return 'session is not an object';
  if (
    typeof value.token !== 'string' ||
    !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(value.token)
  )
    return 'session.token is not a JWT';
  if (!isIso(value.expiresAt)) return 'session.expiresAt is not ISO';
  return userProblem(value.user);
}

const SUCCESS_SHAPES: Record<string, (body: unknown) => string | null> = {
  'POST /api/auth/login': sessionProblem,
  'POST /api/auth/register': sessionProblem,
  'GET /api/auth/me': userProblem,
  'GET /api/health': (body) =>
    isObject(body) && body.status === 'ok' ? null : 'health status is not ok',
  'GET /api/auth/invite': (body) => {
    if (!Array.isArray(body)) return 'the list is not an array';
    for (const invite of body) {
      const problem = inviteProblem(invite);
      if (problem) return problem;
    }
    return null;
  },
  'POST /api/auth/invite': (body) => {
    const invites = Array.isArray(body) ? body : [body];
    if (invites.length === 0) return 'an empty batch';
    for (const invite of invites) {
      const problem = inviteProblem(invite);
      if (problem) return problem;
    }
    return null;
  },
  'DELETE /api/auth/invite': inviteProblem,
};

/** `METHOD /path` of the route a request reaches, Express-style (case-insensitive, trailing slash). */
export function routeKey(req: FuzzRequest): string {
  const pathname = req.path.split('?')[0];
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // a malformed escape never reaches a route
  }
  const normalized = decoded.toLowerCase().replace(/\/$/, '') || '/';
  const method = req.method.toUpperCase();
  return `${method === 'HEAD' ? 'GET' : method} ${normalized}`;
}

/** What must never appear in a body unless the request itself carried it (echoed field names). */
const LEAKS: RegExp[] = [
  /<!doctype html/i,
  /<html/i,
  /<body/i,
  /<pre>/i,
  /\bat [\w$.<>[\] ]+ \([^)]*:\d+:\d+\)/,
  /\bat [^\s()]+\.[jt]s:\d+:\d+/,
  /node_modules/,
  /\/work\/|\/src\/[\w/-]+\.ts/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|QueryFailedError|EntityNotFound)\b/,
  /\bstack\b"?\s*:/,
];

/**
 * The checks every answer must pass, whatever the request: below 500, JSON,
 * `{ error, code }` with code === status on errors, a valid shape on 2xx, no
 * stack trace or HTML. Returns the parsed body.
 */
export function checkResponse(req: FuzzRequest, res: Response): unknown {
  if (res.status >= 500) fuzzFail(`answered ${res.status}`, req, res);
  if (res.status < 200 || (res.status >= 300 && res.status < 400)) {
    fuzzFail(`unexpected status ${res.status}`, req, res);
  }
  const contentType = String(res.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(contentType)) {
    fuzzFail('the answer is not application/json', req, res);
  }
  if (req.method.toUpperCase() === 'HEAD') return undefined;

  const text = typeof res.text === 'string' ? res.text : '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fuzzFail('the body is not JSON', req, res);
  }
  const sent = `${req.path}\n${JSON.stringify(req.headers)}\n${req.body ?? ''}\n${JSON.stringify(req.body ?? '')}`;
  for (const leak of LEAKS) {
    const match = leak.exec(text);
    if (match && !sent.includes(match[0])) {
      fuzzFail(`the body leaks internals (${match[0]})`, req, res);
    }
  }

  if (res.status >= 400) {
    if (!isObject(body)) fuzzFail('the error body is not an object', req, res);
    if (typeof body.error !== 'string' || body.error.length === 0) {
      fuzzFail('the error body has no error string', req, res);
    }
    if (body.code !== res.status) {
      fuzzFail(`code ${String(body.code)} !== status ${res.status}`, req, res);
    }
    if ('statusCode' in body) {
      fuzzFail("Nest's default error shape (statusCode)", req, res);
    }
    return body;
  }

  const key = routeKey(req);
  const shape = SUCCESS_SHAPES[key];
  if (!shape) fuzzFail(`unexpected ${res.status} from ${key}`, req, res);
  const problem = shape(body);
  if (problem) fuzzFail(`bad success shape: ${problem}`, req, res);
  return body;
}

export interface RowCounts {
  users: number;
  invites: number;
  uses: number;
}

export async function rowCounts(t: TestApp): Promise<RowCounts> {
  const [row] = await t.dataSource.query<
    Array<{ users: string; invites: string; uses: string }>
  >(
    `SELECT (SELECT count(*) FROM users) AS users,
            (SELECT count(*) FROM invites) AS invites,
            (SELECT coalesce(sum(uses), 0) FROM invites) AS uses`,
  );
  return {
    users: Number(row.users),
    invites: Number(row.invites),
    uses: Number(row.uses),
  };
}
