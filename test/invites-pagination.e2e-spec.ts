import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';
import { createInvites, InviteBody } from './helpers/invites';

/** Follows `Link: <…>; rel="next"` headers from a first URL to the end. */
async function walk(
  t: TestApp,
  token: string,
  firstUrl: string,
  onPage?: (page: number) => Promise<void>,
): Promise<InviteBody[]> {
  const seen: InviteBody[] = [];
  let url: string | undefined = firstUrl;
  for (let page = 0; url; page += 1) {
    const response = await request(t.http)
      .get(url)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(Array.isArray(response.body)).toBe(true);
    seen.push(...(response.body as InviteBody[]));
    const link = response.headers.link as string | undefined;
    url = link ? /^<([^>]+)>; rel="next"$/.exec(link)?.[1] : undefined;
    if (link) expect(url).toBeDefined();
    await onPage?.(page);
  }
  return seen;
}

describe('GET /api/auth/invite paging and filters (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createApp({ INVITES_MAX_COUNT: '1000' });
    admin = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  it('walks 10,000 invites page by page, seeing each exactly once while new ones are created', async () => {
    for (let i = 0; i < 10; i += 1)
      await createInvites(t, admin, { count: 1000 });
    const existing = await t.dataSource.query<Array<{ id: number }>>(
      'SELECT id FROM invites',
    );
    expect(existing).toHaveLength(10_000);

    const created: number[] = [];
    const seen = await walk(
      t,
      admin,
      '/api/auth/invite?limit=777',
      async (page) => {
        // Invites created during the walk are newer than the cursor: they
        // belong before the first page and must not shift what follows.
        if (page % 3 === 0)
          created.push(
            ...(await createInvites(t, admin, { count: 5 })).map((i) => i.id),
          );
      },
    );

    const ids = seen.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort((a, b) => a - b)).toEqual(
      existing.map((r) => r.id).sort((a, b) => a - b),
    );
    expect(created.length).toBeGreaterThan(0);
    for (const id of created) expect(ids).not.toContain(id);
  });

  it('answers everything in one array without a limit, and no Link header', async () => {
    const response = await request(t.http)
      .get('/api/auth/invite')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      'SELECT count(*) FROM invites',
    );
    expect(response.body).toHaveLength(Number(count));
    expect(response.headers.link).toBeUndefined();
  });

  it('filters by used and expired, and keeps the filters in the next link', async () => {
    const [usedUp, expired, fresh] = await createInvites(t, admin, {
      count: 3,
    });
    await t.dataSource.query('UPDATE invites SET uses = 1 WHERE id = $1', [
      usedUp.id,
    ]);
    await t.dataSource.query(
      "UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [expired.id],
    );
    const get = async (query: string) =>
      (
        await request(t.http)
          .get(`/api/auth/invite?${query}`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(200)
      ).body as InviteBody[];

    const used = await get('used=true');
    expect(used.map((i) => i.id)).toEqual([usedUp.id]);
    expect(used[0].used).toBe(true);
    expect((await get('expired=true')).map((i) => i.id)).toEqual([expired.id]);
    const usable = await get('used=false&expired=false');
    expect(usable.map((i) => i.id)).toContain(fresh.id);
    expect(usable.map((i) => i.id)).not.toContain(usedUp.id);
    expect(usable.map((i) => i.id)).not.toContain(expired.id);

    const first = await request(t.http)
      .get('/api/auth/invite?used=false&expired=false&limit=2')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(first.headers.link).toMatch(/used=false/);
    expect(first.headers.link).toMatch(/expired=false/);
    const all = await walk(
      t,
      admin,
      '/api/auth/invite?used=false&expired=false&limit=500',
    );
    expect(all.map((i) => i.id)).toEqual(usable.map((i) => i.id));
  });
});
