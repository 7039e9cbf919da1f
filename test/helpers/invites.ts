import request from 'supertest';
import type { components } from '../generated/openapi';
import type { TestApp } from './create-app';

/** The keys of an invite, in the order the seed documents them, then the extension. */
export const INVITE_KEYS = [
  'id',
  'code',
  'createdAt',
  'expiresAt',
  'used',
  'createdById',
  'uses',
  'maxUses',
  'note',
  'revokedAt',
  'lastUsedAt',
  'valid',
  'url',
];

/** An invite as the API answers it: the type generated from openapi.json. */
export type InviteBody = components['schemas']['InviteResponse'];

/** Creates invites through the API as the given administrator. */
export async function createInvites(
  t: TestApp,
  token: string,
  body: Record<string, unknown> = {},
): Promise<InviteBody[]> {
  const response = await request(t.http)
    .post('/api/auth/invite')
    .set('Authorization', `Bearer ${token}`)
    .send(body)
    .expect(200);
  return (
    Array.isArray(response.body) ? response.body : [response.body]
  ) as InviteBody[];
}

export async function inviteRow(t: TestApp, code: string) {
  const rows = await t.dataSource.query<
    Array<{ uses: number; max_uses: number | null }>
  >('SELECT uses, max_uses FROM invites WHERE code = $1', [code]);
  return rows[0];
}

export async function countInvites(t: TestApp): Promise<number> {
  const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
    'SELECT count(*) FROM invites',
  );
  return Number(count);
}

/** The id of the user a token belongs to, as GET /api/auth/me answers it. */
export async function userIdOf(t: TestApp, token: string): Promise<number> {
  const me = await request(t.http)
    .get('/api/auth/me')
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return (me.body as { id: number }).id;
}
