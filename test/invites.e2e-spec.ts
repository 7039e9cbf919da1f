import request from 'supertest';
import { InviteCodeGenerator } from '../src/invites/invite-code.generator';
import { createApp, TestApp } from './helpers/create-app';
import {
  errorBody,
  INVALID_COUNT,
  INVALID_DATE,
  INVALID_MAX_USES,
  INVALID_QUERY,
  INVITE_NOT_FOUND,
  INVITES_DISABLED,
  METHOD_NOT_ALLOWED,
  NO_CODE,
  NOT_AN_ADMINISTRATOR,
  NOT_LOGGED_IN,
} from './helpers/error-bodies';
import {
  countInvites,
  createInvites,
  INVITE_KEYS,
  InviteBody,
  userIdOf,
} from './helpers/invites';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe('/api/auth/invite (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  let userToken: string;

  beforeAll(async () => {
    t = await createApp();
    admin = await t.adminToken();
    adminId = await userIdOf(t, admin);
    userToken = (await t.createUser()).token;
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (body: unknown, token = admin) =>
    request(t.http)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${token}`)
      .send(body as object);

  describe.each([
    [
      'GET',
      200,
      expect.any(Array) as unknown,
      (r: request.Agent) => r.get('/api/auth/invite'),
    ],
    [
      'POST',
      200,
      expect.objectContaining({ code: expect.any(String) }) as unknown,
      (r: request.Agent) => r.post('/api/auth/invite').send({}),
    ],
    [
      'DELETE',
      404,
      INVITE_NOT_FOUND,
      (r: request.Agent) => r.delete('/api/auth/invite?code=doesnotexist'),
    ],
  ])('%s access', (_method, status, body, send) => {
    it('answers 401 not logged in without a token', async () => {
      const response = await send(request.agent(t.http));
      expect(response.status).toBe(401);
      expect(response.body).toEqual(NOT_LOGGED_IN);
    });

    it('answers 403 not an administrator for a regular user', async () => {
      const response = await send(
        request.agent(t.http).set('Authorization', `Bearer ${userToken}`),
      );
      expect(response.status).toBe(403);
      expect(response.body).toEqual(NOT_AN_ADMINISTRATOR);
    });

    it('lets an administrator through', async () => {
      const response = await send(
        request.agent(t.http).set('Authorization', `Bearer ${admin}`),
      );
      // DELETE of an unknown code gets past the guards to the 404 of the operation.
      expect(response.status).toBe(status);
      expect(response.body).toEqual(body);
    });
  });

  it('answers 405 method not allowed for PUT and PATCH, even without a token', async () => {
    for (const method of ['put', 'patch'] as const) {
      const response = await request(t.http)
        [method]('/api/auth/invite')
        .expect(405);
      expect(response.body).toEqual(METHOD_NOT_ALLOWED);
      expect(response.headers.allow).toBe('DELETE, GET, HEAD, POST');
    }
  });

  it('refuses an administrator demoted after the token was issued, on the next request', async () => {
    const other = await t.createUser({ administrator: true });
    const asOther = () =>
      request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${other.token}`);
    await asOther().expect(200);
    await t.dataSource.query(
      'UPDATE users SET administrator = false WHERE id = $1',
      [other.user.id],
    );
    const response = await asOther().expect(403);
    expect(response.body).toEqual(NOT_AN_ADMINISTRATOR);
  });

  describe('POST', () => {
    it('creates one invite with the seed model and the extension, keys in order', async () => {
      const before = Date.now();
      const response = await post({}).expect(200);
      const invite = response.body as InviteBody;
      expect(Object.keys(invite)).toEqual(INVITE_KEYS);
      expect(invite).toEqual({
        id: expect.any(Number),
        code: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
        createdAt: expect.any(String),
        expiresAt: null,
        used: false,
        createdById: adminId,
        uses: 0,
        maxUses: 1,
        note: null,
        revokedAt: null,
        lastUsedAt: null,
        valid: true,
        url: `http://localhost:3000/invite/${invite.code}`,
      });
      expect(Date.parse(invite.createdAt)).toBeGreaterThanOrEqual(
        before - 1000,
      );
      expect(invite.createdAt).toBe(new Date(invite.createdAt).toISOString());
    });

    it('creates with an empty body (no content type) as with {}', async () => {
      const response = await request(t.http)
        .post('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(response.body.code).toMatch(/^[A-Za-z0-9]{12}$/);
    });

    const relative: Array<[unknown, number]> = [
      ['30min', 30 * 60 * 1000],
      ['1h', HOUR],
      ['6h', 6 * HOUR],
      ['12h', 12 * HOUR],
      ['1d', DAY],
      ['3d', 3 * DAY],
      ['5d', 5 * DAY],
      ['7d', 7 * DAY],
      ['1w', 7 * DAY],
      ['1y', 365.25 * DAY],
      ['1.5h', 1.5 * HOUR],
      ['2 hours', 2 * HOUR],
      ['1 day', DAY],
      ['1H', HOUR],
    ];
    it.each(relative)(
      'reads expiresAt %j as now + %d ms',
      async (expiresAt, offset) => {
        const before = Date.now();
        const invite = (await post({ expiresAt }).expect(200))
          .body as InviteBody;
        const after = Date.now();
        const expires = Date.parse(invite.expiresAt as string);
        expect(expires).toBeGreaterThanOrEqual(before + offset);
        expect(expires).toBeLessThanOrEqual(after + offset);
      },
    );

    const future = new Date(Date.now() + 10 * DAY);
    future.setUTCMilliseconds(0);
    const absolute: Array<[unknown, string | null]> = [
      [future.toISOString(), future.toISOString()],
      [`date=${future.toISOString()}`, future.toISOString()],
      [`date=${future.toUTCString()}`, future.toISOString()],
      [null, null],
      ['never', null],
      [undefined, null],
    ];
    it.each(absolute)(
      'reads expiresAt %j as %s',
      async (expiresAt, expected) => {
        const invite = (
          await post(expiresAt === undefined ? {} : { expiresAt }).expect(200)
        ).body as InviteBody;
        expect(invite.expiresAt).toBe(expected);
      },
    );

    it.each([
      'garbage',
      '2000-01-01T00:00:00.000Z',
      'date=2000-01-01T00:00:00.000Z',
      'date=not a date',
      '-1h',
      '0s',
      '5',
      '8000y',
      'date=10000-01-01',
      123,
      true,
      {},
      [],
    ])('answers 400 invalid date for expiresAt %j', async (expiresAt) => {
      const before = await countInvites(t);
      const response = await post({ expiresAt }).expect(400);
      expect(response.body).toEqual(INVALID_DATE);
      expect(await countInvites(t)).toBe(before);
    });

    it('answers 400 invalid date for expiresAt equal to now (never valid on arrival)', async () => {
      const response = await post({
        expiresAt: new Date().toISOString(),
      }).expect(400);
      expect(response.body).toEqual(INVALID_DATE);
    });

    it('counts a relative expiry from the invite’s createdAt, to the millisecond', async () => {
      for (const [expiresAt, ms] of [
        ['1d', 86_400_000],
        ['30min', 1_800_000],
        ['1.5h', 5_400_000],
      ] as const) {
        const { body } = await post({ expiresAt, count: 2 }).expect(200);
        for (const invite of body as InviteBody[]) {
          expect([
            expiresAt,
            Date.parse(invite.expiresAt as string) -
              Date.parse(invite.createdAt),
          ]).toEqual([expiresAt, ms]);
        }
      }
    });

    it('names the failing field in details', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ expiresAt: 'garbage' }, 'expiresAt', 'invalid date'],
        [{ count: 0 }, 'count', 'invalid count'],
        [{ maxUses: 0 }, 'maxUses', 'invalid maxUses'],
        [{ note: 'x'.repeat(501) }, 'note', 'invalid note'],
      ];
      for (const [body, field, error] of cases) {
        const response = await post(body).expect(400);
        expect(response.body).toEqual({
          error,
          code: 400,
          details: [{ field, error }],
        });
      }
    });

    it('lists every failing field in details, the first in check order giving the error', async () => {
      const response = await post({
        note: 5,
        maxUses: 0,
        count: 0,
        expiresAt: 'garbage',
      }).expect(400);
      expect(response.body).toEqual({
        error: 'invalid date',
        code: 400,
        details: [
          { field: 'expiresAt', error: 'invalid date' },
          { field: 'count', error: 'invalid count' },
          { field: 'maxUses', error: 'invalid maxUses' },
          { field: 'note', error: 'invalid note' },
        ],
      });
    });

    it('creates an array of full invites for count > 1, also given as a string', async () => {
      for (const count of [3, '3']) {
        const response = await post({ count }).expect(200);
        expect(response.body).toHaveLength(3);
        for (const invite of response.body as InviteBody[]) {
          expect(Object.keys(invite)).toEqual(INVITE_KEYS);
          expect(invite.used).toBe(false);
        }
      }
    });

    it('answers one object, not an array, for count 1', async () => {
      const response = await post({ count: 1 }).expect(200);
      expect(Array.isArray(response.body)).toBe(false);
      expect(response.body.code).toMatch(/^[A-Za-z0-9]{12}$/);
    });

    it('creates a batch of 100 with distinct codes and ids', async () => {
      const before = await countInvites(t);
      const response = await post({ count: 100, expiresAt: '1d' }).expect(200);
      const invites = response.body as InviteBody[];
      expect(invites).toHaveLength(100);
      expect(new Set(invites.map((i) => i.code)).size).toBe(100);
      expect(new Set(invites.map((i) => i.id)).size).toBe(100);
      expect(await countInvites(t)).toBe(before + 100);
    });

    it.each([0, 101, -1, 2.5, '2.5', 'abc', '', true, [2], {}])(
      'answers 400 invalid count for count %j, creating nothing',
      async (count) => {
        const before = await countInvites(t);
        const response = await post({ count }).expect(400);
        expect(response.body).toEqual(INVALID_COUNT);
        expect(await countInvites(t)).toBe(before);
      },
    );

    it('creates multi-use and unlimited invites', async () => {
      expect((await post({ maxUses: 5 }).expect(200)).body).toMatchObject({
        maxUses: 5,
        uses: 0,
      });
      expect((await post({ maxUses: '7' }).expect(200)).body).toMatchObject({
        maxUses: 7,
      });
      expect((await post({ maxUses: null }).expect(200)).body).toMatchObject({
        maxUses: null,
        used: false,
      });
    });

    it.each([0, -1, 1.5, 'x', true, 2147483648, {}])(
      'answers 400 invalid maxUses for maxUses %j',
      async (maxUses) => {
        const response = await post({ maxUses }).expect(400);
        expect(response.body).toEqual(INVALID_MAX_USES);
      },
    );

    it('checks expiresAt first, then count, then maxUses', async () => {
      expect(
        (await post({ maxUses: 0, count: 0, expiresAt: 'bad' })).body,
      ).toEqual(INVALID_DATE);
      expect((await post({ maxUses: 0, count: 0 })).body).toEqual(
        INVALID_COUNT,
      );
      expect((await post({ maxUses: 0, count: 2 })).body).toEqual(
        INVALID_MAX_USES,
      );
    });

    it('refuses any other key by name', async () => {
      for (const key of ['administrator', 'code', 'uses', 'createdById']) {
        const response = await post({ [key]: 'x' }).expect(400);
        expect(response.body).toEqual(errorBody(`unknown field: ${key}`, 400));
      }
    });

    it('retries codes that collide with existing ones instead of failing', async () => {
      const [existing] = await createInvites(t, admin);
      const generator = t.app.get(InviteCodeGenerator);
      const real = generator.generate.bind(generator);
      const spy = jest
        .spyOn(generator, 'generate')
        .mockReturnValueOnce(existing.code)
        .mockReturnValueOnce(existing.code)
        .mockImplementation(real);
      try {
        const invite = (await post({}).expect(200)).body as InviteBody;
        expect(invite.code).not.toBe(existing.code);
        expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
      } finally {
        spy.mockRestore();
      }
    });

    it('retries codes that collide within one batch', async () => {
      const generator = t.app.get(InviteCodeGenerator);
      const real = generator.generate.bind(generator);
      const spy = jest
        .spyOn(generator, 'generate')
        .mockReturnValueOnce('SameCode')
        .mockReturnValueOnce('SameCode')
        .mockImplementation(real);
      try {
        const invites = (await post({ count: 3 }).expect(200))
          .body as InviteBody[];
        expect(new Set(invites.map((i) => i.code)).size).toBe(3);
      } finally {
        spy.mockRestore();
      }
    });

    it('persists nothing of a batch that cannot complete', async () => {
      const [existing] = await createInvites(t, admin);
      const before = await countInvites(t);
      const generator = t.app.get(InviteCodeGenerator);
      const real = generator.generate.bind(generator);
      // Four fresh codes, then only a code that is taken: the fifth invite can never be made.
      const spy = jest.spyOn(generator, 'generate');
      for (let i = 0; i < 4; i += 1) spy.mockImplementationOnce(real);
      spy.mockImplementation(() => existing.code);
      try {
        const response = await post({ count: 5 }).expect(503);
        expect(response.body).toEqual(
          errorBody('no unused invite codes left', 503),
        );
        expect(await countInvites(t)).toBe(before);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('GET', () => {
    it('lists every invite newest first, ties broken by id', async () => {
      const first = await createInvites(t, admin);
      const batch = await createInvites(t, admin, { count: 3 });
      const last = await createInvites(t, admin);
      const response = await request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      const listed = response.body as InviteBody[];
      expect(listed.length).toBe(await countInvites(t));
      expect(response.headers.link).toBeUndefined();
      const ids = listed.map((i) => i.id);
      const expectedOrder = [
        last[0].id,
        ...batch.map((i) => i.id).sort((a, b) => b - a),
        first[0].id,
      ];
      const positions = expectedOrder.map((id) => ids.indexOf(id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const invite of listed)
        expect(Object.keys(invite)).toEqual(INVITE_KEYS);
      for (let i = 1; i < listed.length; i += 1) {
        const [a, b] = [listed[i - 1], listed[i]];
        const ordered =
          Date.parse(a.createdAt) > Date.parse(b.createdAt) ||
          (a.createdAt === b.createdAt && a.id > b.id);
        expect(ordered).toBe(true);
      }
    });

    it.each([
      'used=yes',
      'expired=1',
      'limit=0',
      'limit=1001',
      'limit=abc',
      'cursor=%%%',
      'used=true&used=false',
    ])('answers 400 invalid query for ?%s', async (query) => {
      const response = await request(t.http)
        .get(`/api/auth/invite?${query}`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(400);
      expect(response.body).toEqual(INVALID_QUERY);
    });

    it('ignores unknown query parameters such as cache busters', async () => {
      await request(t.http)
        .get('/api/auth/invite?_=1699999999')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
    });
  });

  describe('DELETE', () => {
    const del = (query: string) =>
      request(t.http)
        .delete(`/api/auth/invite${query}`)
        .set('Authorization', `Bearer ${admin}`);

    it('deletes by code and answers the deleted invite', async () => {
      const [invite] = await createInvites(t, admin, {
        expiresAt: '1d',
        maxUses: 3,
      });
      const response = await del(`?code=${invite.code}`).expect(200);
      expect(response.body).toEqual(invite);
      expect(Object.keys(response.body)).toEqual(INVITE_KEYS);
      const listed = await request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`);
      expect((listed.body as InviteBody[]).map((i) => i.code)).not.toContain(
        invite.code,
      );
      await del(`?code=${invite.code}`).expect(404);
    });

    it.each(['', '?code=', '?other=1'])(
      'answers 400 no code for %j',
      async (query) => {
        const response = await del(query).expect(400);
        expect(response.body).toEqual(NO_CODE);
      },
    );

    it('answers 404 invite not found for an unknown code', async () => {
      const response = await del('?code=doesNotExist').expect(404);
      expect(response.body).toEqual(INVITE_NOT_FOUND);
    });

    it('answers 400 invalid query for a repeated code', async () => {
      const response = await del('?code=a&code=b').expect(400);
      expect(response.body).toEqual(INVALID_QUERY);
    });
  });

  it('serves the requests of Zipline’s dashboard unchanged', async () => {
    const expires = new Date(Date.now() + 7 * DAY);
    const created = await post({
      expiresAt: `date=${expires.toISOString()}`,
      count: 2,
    }).expect(200);
    expect(created.body).toHaveLength(2);
    expect(created.body[0].expiresAt).toBe(expires.toISOString());
    const listed = await request(t.http)
      .get('/api/auth/invite')
      .set('Authorization', admin)
      .expect(200);
    expect((listed.body as InviteBody[]).map((i) => i.code)).toEqual(
      expect.arrayContaining((created.body as InviteBody[]).map((i) => i.code)),
    );
    await request(t.http)
      .delete(`/api/auth/invite?code=${created.body[0].code}`)
      .set('Authorization', admin)
      .expect(200);
  });
});

describe('/api/auth/invite with other settings (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createApp({ INVITES_LENGTH: '12', INVITES_MAX_COUNT: '5' });
    admin = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  it('makes codes INVITES_LENGTH long', async () => {
    const [invite] = await createInvites(t, admin);
    expect(invite.code).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it('caps count at INVITES_MAX_COUNT', async () => {
    await createInvites(t, admin, { count: 5 });
    const response = await request(t.http)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${admin}`)
      .send({ count: 6 })
      .expect(400);
    expect(response.body).toEqual(INVALID_COUNT);
  });
});

describe.each([['INVITES_ENABLED'], ['FEATURES_INVITES']])(
  '/api/auth/invite with %s=false (e2e)',
  (variable) => {
    let t: TestApp;
    let admin: string;
    let userToken: string;

    beforeAll(async () => {
      t = await createApp({ [variable]: 'false' });
      admin = await t.adminToken();
      userToken = (await t.createUser()).token;
    });

    afterAll(async () => {
      await t.close();
    });

    it.each([
      ['GET', (r: request.Agent) => r.get('/api/auth/invite')],
      [
        'POST',
        (r: request.Agent) =>
          r.post('/api/auth/invite').send({ count: 'not even valid' }),
      ],
      ['DELETE', (r: request.Agent) => r.delete('/api/auth/invite')],
    ])(
      '%s answers 400 invites are disabled, after 401 and 403',
      async (_method, send) => {
        expect((await send(request.agent(t.http))).body).toEqual(NOT_LOGGED_IN);
        expect(
          (
            await send(
              request.agent(t.http).set('Authorization', `Bearer ${userToken}`),
            )
          ).body,
        ).toEqual(NOT_AN_ADMINISTRATOR);
        const response = await send(
          request.agent(t.http).set('Authorization', `Bearer ${admin}`),
        );
        expect(response.status).toBe(400);
        expect(response.body).toEqual(INVITES_DISABLED);
      },
    );
  },
);
