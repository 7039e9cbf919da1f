import fc from 'fast-check';
import { ADMIN_PASSWORD, createApp, TestApp } from './helpers/create-app';
import {
  anyKey,
  badAuthorization,
  contentEncoding,
  contentType,
  fieldsObject,
  jsonStringLiteral,
  junkBody,
  junkHeaders,
  KNOWN_PATHS,
  numberLiteral,
  queryString,
  queryValue,
  rawJson,
  unknownPath,
} from './helpers/fuzz-arbitraries';
import {
  checkResponse,
  FUZZ_SEED,
  fuzzFail,
  FuzzRequest,
  fuzzStats,
  rowCounts,
  RowCounts,
  send,
} from './helpers/fuzz-checks';

/**
 * HTTP fuzzing of every route (API.md): whatever arrives, the answer is
 * below 500, JSON, `{ error, code }` with code === status on errors or a
 * valid success shape, never a stack trace or HTML — and requests that are
 * refused change no row. Replay a run with `FUZZ_SEED=<seed> npx jest test/fuzz`.
 */

const TIMEOUT = 120_000;
const UNIQUE = 'UNIQUE-USERNAME';
let uniqueCounter = 0;
let category = 0;

/** Runs `runs` generated requests of one category with a seed derived from FUZZ_SEED. */
async function fuzz<T>(
  runs: number,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
): Promise<void> {
  category += 1;
  fuzzStats.planned += runs;
  try {
    await fc.assert(fc.asyncProperty(arbitrary, check), {
      seed: FUZZ_SEED + category,
      numRuns: runs,
      // Shrinking replays requests; keep it bounded so a failure reports quickly.
      interruptAfterTimeLimit: 30_000,
      markInterruptAsFailure: false,
    });
  } catch (error) {
    fuzzStats.failedCategories += 1;
    throw error;
  }
}

function expectCounts(
  label: string,
  before: RowCounts,
  after: RowCounts,
  expected: RowCounts,
): void {
  if (
    after.users !== expected.users ||
    after.invites !== expected.invites ||
    after.uses !== expected.uses
  ) {
    throw new Error(
      `[FUZZ_SEED=${FUZZ_SEED}] ${label}: rows changed unexpectedly: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}, expected ${JSON.stringify(expected)}`,
    );
  }
}

const withHeaders = (
  base: Record<string, string>,
  extra: Record<string, string>,
): Record<string, string> => ({ ...extra, ...base });

describe(`HTTP fuzz (e2e) [FUZZ_SEED=${FUZZ_SEED}]`, () => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  let user: string;
  let openCode: string;
  let openInviteId: number;
  let deadCodes: string[];
  let liveCodes: string[];

  const exec = async (req: FuzzRequest) => {
    const res = await send(t, req);
    return { res, body: checkResponse(req, res) };
  };

  beforeAll(async () => {
    t = await createApp();
    admin = await t.adminToken();
    const me = await exec({
      method: 'GET',
      path: '/api/auth/me',
      headers: { Authorization: `Bearer ${admin}` },
    });
    adminId = (me.body as { id: number }).id;
    user = (await t.createUser()).token;

    const create = async (body: string) =>
      (
        await exec({
          method: 'POST',
          path: '/api/auth/invite',
          headers: {
            Authorization: `Bearer ${admin}`,
            'Content-Type': 'application/json',
          },
          body,
        })
      ).body as { id: number; code: string };
    const open = await create('{"maxUses":null}');
    openCode = open.code;
    openInviteId = open.id;
    // Codes that must never register anyone: expired, used up, deleted.
    const expired = await create('{"expiresAt":"1h"}');
    await t.dataSource.query(
      "UPDATE invites SET expires_at = now() - interval '1 day' WHERE id = $1",
      [expired.id],
    );
    const usedUp = await create('{"maxUses":1}');
    await t.dataSource.query('UPDATE invites SET uses = 1 WHERE id = $1', [
      usedUp.id,
    ]);
    const deleted = await create('{}');
    await t.dataSource.query('DELETE FROM invites WHERE id = $1', [deleted.id]);
    deadCodes = [expired.code, usedUp.code, deleted.code];
    liveCodes = [];
    for (let i = 0; i < 10; i += 1) liveCodes.push((await create('{}')).code);
  }, TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    // Visible with --verbose / on failure; the count is also asserted below.
    process.stdout.write(
      `HTTP fuzz: ${fuzzStats.requests} requests, FUZZ_SEED=${FUZZ_SEED}\n`,
    );
  });

  /** Runs a category of requests that must never change a row. */
  async function refused<T>(
    label: string,
    runs: number,
    arbitrary: fc.Arbitrary<T>,
    check: (value: T) => Promise<void>,
  ): Promise<void> {
    const before = await rowCounts(t);
    await fuzz(runs, arbitrary, check);
    expectCounts(label, before, await rowCounts(t), before);
  }

  it(
    'never lets a bad Authorization header through, on any protected route',
    async () => {
      const routes = fc.constantFrom<[string, string]>(
        ['GET', '/api/auth/me'],
        ['GET', '/api/auth/invite'],
        ['POST', '/api/auth/invite'],
        ['DELETE', `/api/auth/invite?code=${liveCodes[0]}`],
      );
      await refused(
        'bad tokens',
        350,
        fc.record({
          route: routes,
          authorization: badAuthorization(admin, user, adminId),
          extra: junkHeaders,
        }),
        async ({ route: [method, path], authorization, extra }) => {
          const req: FuzzRequest = {
            method,
            path,
            headers: withHeaders({ Authorization: authorization }, extra),
          };
          if (method === 'POST') {
            req.headers['Content-Type'] = 'application/json';
            req.body = '{}';
          }
          const { res, body } = await exec(req);
          if (res.status !== 401) fuzzFail('expected 401', req, res);
          if ((body as { error: string }).error !== 'not logged in') {
            fuzzFail('expected "not logged in"', req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it(
    'refuses a regular user on every admin route, whatever the body and query',
    async () => {
      await refused(
        'non-admin',
        250,
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'DELETE'),
          query: queryString(
            ['code', 'limit', 'cursor', 'used', 'expired'],
            fc.oneof(queryValue, fc.constantFrom(...liveCodes)),
          ),
          body: fc.option(rawJson, { nil: undefined }),
          bare: fc.boolean(),
          extra: junkHeaders,
        }),
        async ({ method, query, body, bare, extra }) => {
          const req: FuzzRequest = {
            method,
            path: `/api/auth/invite${query}`,
            headers: withHeaders(
              { Authorization: bare ? user : `Bearer ${user}` },
              extra,
            ),
          };
          if (body !== undefined) {
            req.headers['Content-Type'] = 'application/json';
            req.body = body;
          }
          const { res } = await exec(req);
          if (![400, 403, 413].includes(res.status)) {
            fuzzFail('expected 403 (or 400/413 for the body)', req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it(
    'answers malformed bodies and odd content types on every POST route with JSON errors',
    async () => {
      // Admin POSTs may create invites (a body that is ignored or parses
      // to {} means the defaults); the others must change nothing.
      const before = await rowCounts(t);
      let created = 0;
      await fuzz(
        450,
        fc.record({
          path: fc.constantFrom(...KNOWN_PATHS),
          auth: fc.constantFrom('none', 'admin', 'user', 'junk'),
          type: fc.option(contentType, { freq: 8, nil: undefined }),
          encoding: contentEncoding,
          body: fc.option(fc.oneof(junkBody, rawJson), {
            freq: 10,
            nil: undefined,
          }),
          extra: junkHeaders,
        }),
        async ({ path, auth, type, encoding, body, extra }) => {
          const headers: Record<string, string> = { ...extra };
          if (auth === 'admin') headers.Authorization = `Bearer ${admin}`;
          if (auth === 'user') headers.Authorization = `Bearer ${user}`;
          if (auth === 'junk') headers.Authorization = 'Bearer a.b.c';
          if (type !== undefined) headers['Content-Type'] = type;
          if (encoding !== undefined) headers['Content-Encoding'] = encoding;
          const req: FuzzRequest = { method: 'POST', path, headers, body };
          const { res, body: answer } = await exec(req);
          if (res.status < 300) {
            if (path === '/api/auth/invite') {
              created += Array.isArray(answer) ? answer.length : 1;
            } else if (path !== '/api/auth/login') {
              fuzzFail(`unexpected success on ${path}`, req, res);
            }
          }
        },
      );
      expectCounts('malformed bodies', before, await rowCounts(t), {
        ...before,
        invites: before.invites + created,
      });
    },
    TIMEOUT,
  );

  it(
    'lists invites as an administrator whatever the query string',
    async () => {
      await refused(
        'admin GET',
        200,
        fc.record({
          query: queryString(
            ['used', 'expired', 'limit', 'cursor', 'code', 'sort', 'offset'],
            queryValue,
          ),
          extra: junkHeaders,
          bare: fc.boolean(),
        }),
        async ({ query, extra, bare }) => {
          const req: FuzzRequest = {
            method: 'GET',
            path: `/api/auth/invite${query}`,
            headers: withHeaders(
              { Authorization: bare ? admin : `Bearer ${admin}` },
              extra,
            ),
          };
          const { res, body } = await exec(req);
          if (res.status === 400) {
            if ((body as { error: string }).error !== 'invalid query') {
              fuzzFail('expected "invalid query"', req, res);
            }
          } else if (res.status !== 200) {
            fuzzFail('expected 200 or 400', req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it(
    'creates exactly the invites it answers 200 for, whatever the POST body',
    async () => {
      const before = await rowCounts(t);
      let created = 0;
      const expiresAt = fc.oneof(
        rawJson,
        jsonStringLiteral,
        numberLiteral,
        fc
          .constantFrom(
            'never',
            'NEVER',
            '1h',
            '30min',
            '1.5h',
            '2 hours',
            '1 day',
            '1y',
            '0s',
            '-1h',
            '5',
            '1e309h',
            '99999999999y',
            'date=2099-01-01',
            'date=',
            'date=junk',
            '2099-01-01',
            '2000-01-01',
            '2099-13-45',
            '2099-01-01T00:00:00+14:00',
            '275760-09-13T00:00:00.000Z',
            '+275760-09-13T00:00:00.000Z',
          )
          .map((s) => JSON.stringify(s)),
        fc.constant('null'),
      );
      const smallInt = fc.oneof(
        fc.integer({ min: -3, max: 12 }).map(String),
        fc.integer({ min: -3, max: 12 }).map((n) => JSON.stringify(String(n))),
        fc.constantFrom('100', '"100"', '101', '1.0', '"1.0"', '" 2"', '"0x2"'),
        numberLiteral,
        jsonStringLiteral,
        rawJson,
      );
      await fuzz(
        250,
        fc.record({
          body: fc.oneof(
            {
              weight: 4,
              arbitrary: fieldsObject({
                expiresAt,
                count: smallInt,
                maxUses: smallInt,
              }),
            },
            { weight: 1, arbitrary: rawJson },
          ),
          type: fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
          ),
          extra: junkHeaders,
        }),
        async ({ body, type, extra }) => {
          const req: FuzzRequest = {
            method: 'POST',
            path: '/api/auth/invite',
            headers: withHeaders(
              { Authorization: `Bearer ${admin}`, 'Content-Type': type },
              extra,
            ),
            body,
          };
          const { res, body: answer } = await exec(req);
          if (res.status === 200) {
            const invites = (
              Array.isArray(answer) ? answer : [answer]
            ) as Array<{ uses: number; createdById: number }>;
            for (const invite of invites) {
              if (invite.uses !== 0 || invite.createdById !== adminId) {
                fuzzFail('a new invite with uses or a wrong creator', req, res);
              }
            }
            created += invites.length;
          } else if (res.status !== 400) {
            fuzzFail('expected 200 or 400', req, res);
          }
        },
      );
      expectCounts('admin POST', before, await rowCounts(t), {
        ...before,
        invites: before.invites + created,
      });
    },
    TIMEOUT,
  );

  it(
    'deletes exactly the invites it answers 200 for, whatever the query',
    async () => {
      const before = await rowCounts(t);
      let deleted = 0;
      let usesDeleted = 0;
      const codeValue = fc.oneof(
        queryValue,
        fc.constantFrom(...liveCodes, ...deadCodes),
        fc
          .constantFrom(...liveCodes)
          .map((c) => encodeURIComponent(` ${c.toLowerCase()}`)),
      );
      await fuzz(
        150,
        fc.record({
          query: queryString(['code', 'code', 'id'], codeValue),
          body: fc.option(rawJson, { freq: 5, nil: undefined }),
          extra: junkHeaders,
        }),
        async ({ query, body, extra }) => {
          const req: FuzzRequest = {
            method: 'DELETE',
            path: `/api/auth/invite${query}`,
            headers: withHeaders({ Authorization: `Bearer ${admin}` }, extra),
          };
          if (body !== undefined) {
            req.headers['Content-Type'] = 'application/json';
            req.body = body;
          }
          const { res, body: answer } = await exec(req);
          if (res.status === 200) {
            deleted += 1;
            usesDeleted += (answer as { uses: number }).uses;
          } else if (![400, 404].includes(res.status)) {
            fuzzFail('expected 200, 400 or 404', req, res);
          }
        },
      );
      expectCounts('admin DELETE', before, await rowCounts(t), {
        ...before,
        invites: before.invites - deleted,
        uses: before.uses - usesDeleted,
      });
    },
    TIMEOUT,
  );

  it(
    'never registers anyone without a redeemable code',
    async () => {
      const username = fc.oneof(
        fc
          .stringMatching(/^[A-Za-z0-9._-]{1,64}$/)
          .map((s) => JSON.stringify(s)),
        jsonStringLiteral,
        rawJson,
      );
      const password = fc.oneof(
        fc
          .string({ minLength: 8, maxLength: 40 })
          .map((s) => JSON.stringify(s)),
        jsonStringLiteral,
        rawJson,
      );
      const badCode = fc.oneof(
        fc.constantFrom(...deadCodes).map((c) => JSON.stringify(c)),
        fc
          .constantFrom(openCode, ...liveCodes)
          .map((c) => JSON.stringify(`${c} `)),
        fc.constant(JSON.stringify(`${openCode}\u0000`)),
        fc
          .stringMatching(/^[A-Za-z0-9]{6,10}$/)
          .filter((c) => c !== openCode && !liveCodes.includes(c))
          .map((c) => JSON.stringify(c)),
        jsonStringLiteral,
        numberLiteral,
        rawJson,
        fc.constantFrom(
          'null',
          'true',
          '[]',
          '{}',
          `[${JSON.stringify(openCode)}]`,
        ),
      );
      await refused(
        'register without a valid code',
        250,
        fc.record({
          body: fc.oneof(
            {
              weight: 4,
              arbitrary: fieldsObject({ username, password, code: badCode }),
            },
            {
              weight: 1,
              arbitrary: fc
                .tuple(anyKey, rawJson)
                .map(
                  ([k, v]) =>
                    `{"username":"${UNIQUE}","password":"long-enough-password","code":${JSON.stringify(openCode)},${JSON.stringify(k)}:${v}}`,
                )
                .filter((body) => {
                  // A duplicate known key could legitimately make it valid.
                  const key = body.slice(body.lastIndexOf(',') + 1);
                  return !/^"(username|password|code)"/.test(key);
                }),
            },
            { weight: 1, arbitrary: rawJson },
          ),
          extra: junkHeaders,
        }),
        async ({ body, extra }) => {
          const req: FuzzRequest = {
            method: 'POST',
            path: '/api/auth/register',
            headers: withHeaders({ 'Content-Type': 'application/json' }, extra),
            // A fresh username each time, so that a replay while shrinking
            // is not refused merely because the name is taken by then.
            body: body.replace(UNIQUE, () => `fuzz${(uniqueCounter += 1)}`),
          };
          const { res } = await exec(req);
          if (res.status !== 400 && res.status !== 409 && res.status !== 413) {
            fuzzFail('expected a refusal', req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it(
    'registers exactly the users it answers 200 for with a valid code, consuming one use each',
    async () => {
      const before = await rowCounts(t);
      let registered = 0;
      const username = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .stringMatching(/^[A-Za-z0-9._-]{1,64}$/)
            .map((s) => JSON.stringify(s)),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('admin', 'ADMIN', 'Admin', 'fuzzer')
            .map((s) => JSON.stringify(s)),
        },
        { weight: 1, arbitrary: jsonStringLiteral },
        { weight: 1, arbitrary: rawJson },
      );
      const password = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .string({ unit: 'binary', minLength: 8, maxLength: 64 })
            .map((s) => JSON.stringify(s)),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('short', 'x'.repeat(256), 'x'.repeat(257), '')
            .map((s) => JSON.stringify(s)),
        },
        { weight: 1, arbitrary: rawJson },
      );
      await fuzz(
        100,
        fc.record({
          body: fieldsObject(
            { username, password, code: fc.constant(JSON.stringify(openCode)) },
            true,
          ),
          extra: junkHeaders,
        }),
        async ({ body, extra }) => {
          const req: FuzzRequest = {
            method: 'POST',
            path: '/api/auth/register',
            headers: withHeaders({ 'Content-Type': 'application/json' }, extra),
            body,
          };
          const { res, body: answer } = await exec(req);
          if (res.status === 200) {
            const newUser = (
              answer as { user: { administrator: boolean; inviteId: number } }
            ).user;
            if (newUser.administrator || newUser.inviteId !== openInviteId) {
              fuzzFail(
                'a registered user is administrator or lost the invite',
                req,
                res,
              );
            }
            registered += 1;
          } else if (![400, 409].includes(res.status)) {
            fuzzFail('expected 200, 400 or 409', req, res);
          }
        },
      );
      expectCounts('register with a valid code', before, await rowCounts(t), {
        users: before.users + registered,
        invites: before.invites,
        uses: before.uses + registered,
      });
    },
    TIMEOUT,
  );

  it(
    'logs in only with the right credentials, whatever the body',
    async () => {
      const username = fc.oneof(
        fc
          .constantFrom('admin', 'ADMIN', ' admin', 'admin ')
          .map((s) => JSON.stringify(s)),
        jsonStringLiteral,
        rawJson,
      );
      const password = fc.oneof(
        fc
          .constantFrom(
            ADMIN_PASSWORD,
            ADMIN_PASSWORD.toUpperCase(),
            `${ADMIN_PASSWORD} `,
            '',
          )
          .map((s) => JSON.stringify(s)),
        jsonStringLiteral,
        rawJson,
      );
      await refused(
        'login',
        200,
        fc.record({
          body: fc.oneof(
            { weight: 4, arbitrary: fieldsObject({ username, password }) },
            { weight: 1, arbitrary: rawJson },
          ),
          extra: junkHeaders,
        }),
        async ({ body, extra }) => {
          const req: FuzzRequest = {
            method: 'POST',
            path: '/api/auth/login',
            headers: withHeaders({ 'Content-Type': 'application/json' }, extra),
            body,
          };
          const { res } = await exec(req);
          if (res.status === 200) {
            const parsed = JSON.parse(body) as Record<string, unknown>;
            if (
              typeof parsed.username !== 'string' ||
              parsed.username.toLowerCase() !== 'admin' ||
              parsed.password !== ADMIN_PASSWORD
            ) {
              fuzzFail('logged in with wrong credentials', req, res);
            }
          } else if (![400, 401].includes(res.status)) {
            fuzzFail('expected 200, 400 or 401', req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it(
    'answers unknown routes and other methods with 404 / 405 JSON',
    async () => {
      const methods = [
        'GET',
        'POST',
        'PUT',
        'PATCH',
        'DELETE',
        'HEAD',
        'OPTIONS',
        'TRACE',
        'PROPFIND',
        'MKCOL',
        'COPY',
        'MOVE',
        'LOCK',
        'UNLOCK',
        'PURGE',
        'SEARCH',
        'REPORT',
        'NOTIFY',
        'SUBSCRIBE',
      ];
      const knownVariant = fc
        .tuple(
          fc.constantFrom(...KNOWN_PATHS),
          fc.constantFrom('', '/'),
          fc.boolean(),
        )
        .map(([p, slash, upper]) => `${upper ? p.toUpperCase() : p}${slash}`);
      await refused(
        'routing',
        300,
        fc.record({
          method: fc.constantFrom(...methods),
          path: fc.oneof(unknownPath, knownVariant),
          query: fc.option(queryString(['code', 'limit', 'x'], queryValue), {
            nil: undefined,
          }),
          auth: fc.constantFrom('none', 'user', 'junk'),
          body: fc.option(rawJson, { freq: 3, nil: undefined }),
          extra: junkHeaders,
        }),
        async ({ method, path, query, auth, body, extra }) => {
          const headers: Record<string, string> = { ...extra };
          if (auth === 'user') headers.Authorization = `Bearer ${user}`;
          if (auth === 'junk') headers.Authorization = 'junk';
          const req: FuzzRequest = {
            method,
            path: `${path}${query ?? ''}`,
            headers,
          };
          if (body !== undefined && method !== 'HEAD') {
            headers['Content-Type'] = 'application/json';
            req.body = body;
          }
          await exec(req);
        },
      );
    },
    TIMEOUT,
  );

  it(
    'answers health and me with junk headers and queries',
    async () => {
      await refused(
        'health and me',
        150,
        fc.record({
          path: fc.constantFrom('/api/health', '/api/auth/me'),
          method: fc.constantFrom('GET', 'HEAD'),
          query: queryString(['x', 'status'], queryValue),
          auth: fc.constantFrom('none', 'admin', 'user'),
          extra: junkHeaders,
        }),
        async ({ path, method, query, auth, extra }) => {
          const headers: Record<string, string> = { ...extra };
          if (auth === 'admin') headers.Authorization = `Bearer ${admin}`;
          if (auth === 'user') headers.Authorization = user;
          const req: FuzzRequest = {
            method,
            path: `${path}${query}`,
            headers,
          };
          const { res } = await exec(req);
          const expected =
            path === '/api/health' || auth !== 'none' ? 200 : 401;
          if (res.status !== expected) {
            fuzzFail(`expected ${expected}`, req, res);
          }
        },
      );
    },
    TIMEOUT,
  );

  it('sends at least 2,000 requests', () => {
    expect(fuzzStats.planned).toBeGreaterThanOrEqual(2000);
    // A failing category stops at its counterexample (reported above).
    if (fuzzStats.failedCategories === 0) {
      expect(fuzzStats.requests).toBeGreaterThanOrEqual(fuzzStats.planned);
    }
  });
});
