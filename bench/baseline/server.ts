import { createSecretKey, randomFillSync } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { verify } from 'jsonwebtoken';
import { DatabaseError, Pool } from 'pg';
import { validateEnvironment } from '../../src/config/env.validation';
import { requestIdFor } from '../../src/http/request-id';

/**
 * The raw baseline for `npm run bench`: the physical limit, i.e. the least
 * work the API contract allows for the routes the benchmark compares, on
 * node:http + pg with no framework:
 *
 * - HS256 verification of the Bearer token with the same secret
 *   (jsonwebtoken, which passport-jwt uses) and the same issuer and
 *   audience, then the user's row by id, with the revocation check in the
 *   same statement (token_version equal to the token's `ver`, not
 *   disabled), then the administrator check: what the contract requires of
 *   every request;
 * - GET  /api/auth/invite: one SELECT of every invite, newest first;
 * - POST /api/auth/invite {count}: ONE statement, `INSERT … SELECT unnest …
 *   RETURNING`, with pool.query: a single statement is already
 *   all-or-nothing, so no BEGIN/COMMIT around it. The contract also wants
 *   an audit entry per invite and, when a webhook subscribes to
 *   invite.created, the events recorded with the change: two CTEs of the
 *   same statement. A code collision (unique violation, 23505) is so rare
 *   that the whole statement is simply retried with new codes. Codes of
 *   INVITES_LENGTH characters (read as the service reads it, same default)
 *   from the CSPRNG (fetched 2 kB at a time), A-Z a-z 0-9, unbiased;
 * - GET  /api/auth/me: the user row;
 * - every response: `X-Request-Id`, the caller's when it sent an acceptable
 *   one, else a UUID; the audit rows carry it (API.md's audit `requestId`).
 *
 * Bodies are byte for byte the service's for the same rows (toInvite,
 * toUser; `npm run bench` checks this before measuring). No validation
 * beyond what the benchmark sends, no logging, no security headers, no
 * metrics (API.md lets METRICS_ENABLED switch them off): it is the floor
 * the service is compared against. Never add the service's own overheads
 * here to make a ratio look better.
 *
 * Env: DATABASE_URL, JWT_SECRET, PORT (127.0.0.1 only), INVITES_LENGTH,
 * PUBLIC_URL (the base of `url`, as the service's).
 */

/** The columns toInvite reads: extend both together. */
const COLUMNS = `id, code, created_at, expires_at, uses, max_uses, created_by_id,
  note, revoked_at, last_used_at,
  (NOT (max_uses IS NOT NULL AND uses >= max_uses)
   AND NOT (expires_at IS NOT NULL AND expires_at <= now())
   AND revoked_at IS NULL) AS valid`;
const USER_COLUMNS = 'id, username, administrator, created_at, invite_id';
const CODE_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);
const BEARER = /^Bearer\s+(\S+)$/i;
const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 10;

interface InviteRow {
  id: number;
  code: string;
  created_at: Date;
  expires_at: Date | null;
  uses: number;
  max_uses: number | null;
  created_by_id: number;
  note: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  valid: boolean;
}

interface UserRow {
  id: number;
  username: string;
  administrator: boolean;
  created_at: Date;
  invite_id: number | null;
}

// A KeyObject, as the service uses: a string secret makes jsonwebtoken try
// to parse it as a PEM key on every request.
const secret = createSecretKey(Buffer.from(required('JWT_SECRET')));
const pool = new Pool({ connectionString: required('DATABASE_URL'), max: 10 });
const port = Number(required('PORT'));
const linkBase = `${required('PUBLIC_URL')}/invite/`;
// The service's own parsing: same variables (and Zipline alias), same defaults.
const { INVITES_LENGTH: CODE_LENGTH, JWT_ISSUER } = validateEnvironment({
  INVITES_LENGTH: process.env.INVITES_LENGTH,
  FEATURES_INVITES_LENGTH: process.env.FEATURES_INVITES_LENGTH,
  JWT_ISSUER: process.env.JWT_ISSUER,
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

/** Random bytes fetched 2 kB at a time, each used once (as the service does). */
const entropy = Buffer.alloc(2048);
let nextByte = entropy.length;

function generateCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    if (nextByte === entropy.length) {
      randomFillSync(entropy);
      nextByte = 0;
    }
    const byte = entropy[nextByte++];
    if (byte < UNBIASED_LIMIT)
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  }
  return code;
}

/**
 * The Invite JSON, key for key and in the service's order. When the
 * service's Invite gains keys, add them here in the same place and their
 * columns to COLUMNS; the shape check of `npm run bench` names any key that
 * differs.
 */
function toInvite(row: InviteRow) {
  return {
    id: row.id,
    code: row.code,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    used: row.max_uses !== null && row.uses >= row.max_uses,
    createdById: row.created_by_id,
    uses: row.uses,
    maxUses: row.max_uses,
    note: row.note,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    valid: row.valid,
    url: linkBase + row.code,
  };
}

function toUser(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    administrator: row.administrator,
    createdAt: row.created_at.toISOString(),
    inviteId: row.invite_id,
  };
}

function send(
  res: ServerResponse,
  requestId: string,
  status: number,
  body: unknown,
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'x-request-id': requestId,
  });
  res.end(json);
}

function fail(
  res: ServerResponse,
  requestId: string,
  status: number,
  error: string,
): void {
  send(res, requestId, status, { error, code: status });
}

async function authenticate(req: IncomingMessage): Promise<UserRow | null> {
  const match = BEARER.exec(req.headers.authorization?.trim() ?? '');
  if (!match) return null;
  let sub: unknown;
  let version: unknown;
  try {
    const payload = verify(match[1], secret, {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_ISSUER,
    });
    if (typeof payload === 'string') return null;
    sub = payload.sub;
    version = payload.ver;
  } catch {
    return null;
  }
  const id = Number(sub);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  if (!Number.isSafeInteger(version)) return null;
  // Revocation (API.md) rides on the row's own statement: a logged-out,
  // demoted or disabled user's token finds no row.
  const { rows } = await pool.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users
     WHERE id = $1 AND token_version = $2 AND disabled_at IS NULL`,
    [id, version],
  );
  return rows[0] ?? null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function list(res: ServerResponse, requestId: string): Promise<void> {
  const { rows } = await pool.query<InviteRow>(
    `SELECT ${COLUMNS} FROM invites ORDER BY created_at DESC, id DESC`,
  );
  send(res, requestId, 200, rows.map(toInvite));
}

/**
 * One statement: the invites, their audit entries, and their events as one
 * job when a webhook wants them. All or nothing by itself; retried whole on
 * a code collision.
 */
async function insertInvites(
  count: number,
  createdById: number,
  ip: string | undefined,
  requestId: string,
): Promise<InviteRow[]> {
  for (let attempt = 1; ; attempt += 1) {
    const codes = new Set<string>();
    while (codes.size < count) codes.add(generateCode());
    try {
      const { rows } = await pool.query<InviteRow>(
        `WITH created AS (
           INSERT INTO invites (code, expires_at, max_uses, created_by_id)
           SELECT unnest($1::varchar[]), $2::timestamptz, $3::int, $4::int
           RETURNING ${COLUMNS}
         ), audited AS (
           INSERT INTO audit_log (action, actor_user_id, target_type, target_id, request_id, ip)
           SELECT 'invite.created', $4::int, 'invite', id::text, $6::varchar, $5::varchar FROM created
         ), announced AS (
           INSERT INTO pgboss.job (name, data)
           SELECT 'webhook-fanout', jsonb_build_object('events', jsonb_agg(to_jsonb(created)))
           FROM created
           HAVING EXISTS (SELECT 1 FROM webhooks WHERE 'invite.created' = ANY (events))
         )
         SELECT * FROM created ORDER BY id`,
        [[...codes], null, 1, createdById, ip ?? null, requestId],
      );
      return rows;
    } catch (error) {
      const collided =
        error instanceof DatabaseError && error.code === UNIQUE_VIOLATION;
      if (!collided || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function create(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  user: UserRow,
): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as { count?: number };
  const count = body.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    fail(res, requestId, 400, 'invalid count');
    return;
  }
  const invites = (
    await insertInvites(count, user.id, req.socket.remoteAddress, requestId)
  ).map(toInvite);
  send(res, requestId, 200, count === 1 ? invites[0] : invites);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/api/health') {
    send(res, requestId, 200, { status: 'ok' });
    return;
  }
  if (path !== '/api/auth/me' && path !== '/api/auth/invite') {
    fail(res, requestId, 404, 'not found');
    return;
  }
  const user = await authenticate(req);
  if (!user) {
    fail(res, requestId, 401, 'not logged in');
    return;
  }
  if (path === '/api/auth/me' && req.method === 'GET') {
    send(res, requestId, 200, toUser(user));
    return;
  }
  if (!user.administrator) {
    fail(res, requestId, 403, 'forbidden');
    return;
  }
  if (req.method === 'GET') return list(res, requestId);
  if (req.method === 'POST') return create(req, res, requestId, user);
  fail(res, requestId, 405, 'method not allowed');
}

const server = createServer((req, res) => {
  // The service's own rule for the caller's id, so both accept the same ones.
  const requestId = requestIdFor(req.headers);
  handle(req, res, requestId).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) fail(res, requestId, 500, 'internal server error');
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  console.log(
    `baseline listening on 127.0.0.1:${port} (codes of ${CODE_LENGTH} characters)`,
  );
});

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
