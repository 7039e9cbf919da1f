import { createSecretKey, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { verify } from 'jsonwebtoken';
import { Pool } from 'pg';

/**
 * The raw baseline for `npm run bench`: node:http + pg, no framework, doing
 * per request what the service does for the same routes:
 *
 * - HS256 verification of the Bearer token with the same secret
 *   (jsonwebtoken, which passport-jwt uses), then the user's row by id
 *   (as JwtStrategy.validate does), then the administrator check;
 * - GET  /api/auth/invite: InvitesService.list's statement (no filters);
 * - POST /api/auth/invite {count}: InvitesService.create's INSERT … unnest …
 *   ON CONFLICT DO NOTHING RETURNING in a transaction, codes from
 *   crypto.randomBytes (8 characters of A-Z a-z 0-9, unbiased);
 * - GET  /api/auth/me: the user row.
 *
 * Responses have the service's JSON shapes (the seed's Invite keys + uses,
 * maxUses). No validation beyond what the benchmark sends, no logging, no
 * security headers: it is the floor the service is compared against.
 *
 * Env: DATABASE_URL, JWT_SECRET, PORT (127.0.0.1 only).
 */

const COLUMNS =
  'id, code, created_at, expires_at, uses, max_uses, created_by_id';
const USER_COLUMNS = 'id, username, administrator, created_at, invite_id';
const CODE_ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);
const CODE_LENGTH = 8;
const BEARER = /^Bearer\s+(\S+)$/i;

interface InviteRow {
  id: number;
  code: string;
  created_at: Date;
  expires_at: Date | null;
  uses: number;
  max_uses: number | null;
  created_by_id: number;
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

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

function generateCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH + 8)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (code.length === CODE_LENGTH) break;
    }
  }
  return code;
}

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

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function fail(res: ServerResponse, status: number, error: string): void {
  send(res, status, { error, code: status });
}

async function authenticate(req: IncomingMessage): Promise<UserRow | null> {
  const match = BEARER.exec(req.headers.authorization?.trim() ?? '');
  if (!match) return null;
  let sub: unknown;
  try {
    const payload = verify(match[1], secret, { algorithms: ['HS256'] });
    sub = typeof payload === 'string' ? undefined : payload.sub;
  } catch {
    return null;
  }
  const id = Number(sub);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const { rows } = await pool.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
    [id],
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

async function list(res: ServerResponse): Promise<void> {
  const { rows } = await pool.query<InviteRow>(
    `SELECT ${COLUMNS} FROM invites ORDER BY created_at DESC, id DESC`,
  );
  send(res, 200, rows.map(toInvite));
}

async function create(
  req: IncomingMessage,
  res: ServerResponse,
  user: UserRow,
): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as { count?: number };
  const count = body.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    fail(res, 400, 'invalid count');
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const created: InviteRow[] = [];
    while (created.length < count) {
      const codes = new Set<string>();
      while (codes.size < count - created.length) codes.add(generateCode());
      const { rows } = await client.query<InviteRow>(
        `INSERT INTO invites (code, expires_at, max_uses, created_by_id)
         SELECT unnest($1::varchar[]), $2::timestamptz, $3::int, $4::int
         ON CONFLICT (code) DO NOTHING
         RETURNING ${COLUMNS}`,
        [[...codes], null, 1, user.id],
      );
      created.push(...rows);
    }
    await client.query('COMMIT');
    const invites = created.sort((a, b) => a.id - b.id).map(toInvite);
    send(res, 200, count === 1 ? invites[0] : invites);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/api/health') {
    send(res, 200, { status: 'ok' });
    return;
  }
  if (path !== '/api/auth/me' && path !== '/api/auth/invite') {
    fail(res, 404, 'not found');
    return;
  }
  const user = await authenticate(req);
  if (!user) {
    fail(res, 401, 'not logged in');
    return;
  }
  if (path === '/api/auth/me' && req.method === 'GET') {
    send(res, 200, toUser(user));
    return;
  }
  if (!user.administrator) {
    fail(res, 403, 'forbidden');
    return;
  }
  if (req.method === 'GET') return list(res);
  if (req.method === 'POST') return create(req, res, user);
  fail(res, 405, 'method not allowed');
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) fail(res, 500, 'internal server error');
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  console.log(`baseline listening on 127.0.0.1:${port}`);
});

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
