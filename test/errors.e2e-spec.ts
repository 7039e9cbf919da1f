import request from 'supertest';
import { UsersService } from '../src/users/users.service';
import { createApp, TestApp } from './helpers/create-app';
import {
  DATABASE_UNAVAILABLE,
  INTERNAL_SERVER_ERROR,
  INVALID_JSON_BODY,
  METHOD_NOT_ALLOWED,
  NOT_AN_ADMINISTRATOR,
  NOT_FOUND,
  NOT_LOGGED_IN,
  PAYLOAD_TOO_LARGE,
} from './helpers/error-bodies';

describe('errors (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createApp();
    token = (await t.createUser()).token;
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 404 not found for an unknown route, authenticated or not', async () => {
    for (const path of [
      '/api/nope',
      '/api/auth',
      '/nothing-here',
      '/api/auth/invite/1/extra',
    ]) {
      const response = await request(t.http).get(path).expect(404);
      expect(response.body).toEqual(NOT_FOUND);
      expect(response.headers['content-type']).toMatch(/application\/json/);
    }
    const authenticated = await request(t.http)
      .get('/api/nope')
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    expect(authenticated.body).toEqual(NOT_FOUND);
  });

  it('answers 404 not found, with a request id, for a path that cannot be percent-decoded', async () => {
    for (const path of [
      '/api/%',
      '/api/auth/%zz',
      '/api/auth/invite%',
      '/api/auth/invite/%',
      '/api/auth/invite/%zz/users',
      '/invite/%',
    ]) {
      const response = await request(t.http).get(path).expect(404);
      expect(response.body).toEqual(NOT_FOUND);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers 405 method not allowed with an Allow header for a known route and another method', async () => {
    const cases: Array<[string, string, string]> = [
      ['put', '/api/auth/login', 'POST'],
      ['get', '/api/auth/login', 'POST'],
      ['delete', '/api/auth/me', 'GET, HEAD'],
      ['post', '/api/health', 'GET, HEAD'],
      // Swagger's pages, which no controller declares.
      ['post', '/api/docs', 'GET, HEAD'],
      ['delete', '/api/docs-json', 'GET, HEAD'],
      ['put', '/api/docs-yaml', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await request(t.http)[method as 'get'](path).expect(405);
      expect(response.body).toEqual(METHOD_NOT_ALLOWED);
      expect(response.headers.allow).toBe(allow);
    }
  });

  it('answers 400 invalid json body for malformed JSON', async () => {
    for (const body of ['{bad', '{"username": "a",}', 'nul']) {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body).toEqual(INVALID_JSON_BODY);
    }
  });

  it('answers 400 when the JSON body is valid but not an object', async () => {
    for (const body of ['[1, 2]', '"just a string"', 'null', '5', 'true']) {
      const response = await request(t.http)
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ body, status: response.status, answer: response.body }).toEqual({
        body,
        status: 400,
        answer: expect.objectContaining({
          error: 'request body must be a json object',
          code: 400,
        }) as unknown,
      });
    }
  });

  it('reads a body whose Content-Type cannot be parsed as JSON too, after the token check', async () => {
    const admin = await t.adminToken();
    for (const type of ['a/b/c', ';', 'json', 'application/json,text/plain']) {
      const post = () =>
        request(t.http).post('/api/auth/invite').set('Content-Type', type);
      const anonymous = await post().send('{"count": 2}');
      const created = await post()
        .set('Authorization', `Bearer ${admin}`)
        .send('{"count": 2}');
      expect([type, anonymous.status, anonymous.body]).toEqual([
        type,
        401,
        NOT_LOGGED_IN,
      ]);
      expect([
        type,
        created.status,
        (created.body as unknown[]).length,
      ]).toEqual([type, 200, 2]);
    }
    const latin1 = await request(t.http)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'a/b/c; charset=latin1')
      .send('{}');
    expect([latin1.status, latin1.body]).toEqual([
      415,
      { error: 'unsupported charset', code: 415 },
    ]);
  });

  it('answers 404 for a path with an empty segment, even where a route would match without it', async () => {
    for (const path of [
      '/api//auth/me',
      '//api/auth/me',
      '/api/auth/invite//revoke',
    ]) {
      const response = await request(t.http).get(path);
      expect([path, response.status, response.body]).toEqual([
        path,
        404,
        { error: 'not found', code: 404 },
      ]);
    }
  });

  it('answers 404 for a route whose fixed words are percent-escaped, though an id may be', async () => {
    const admin = await t.adminToken();
    const escaped = await request(t.http)
      .get('/api/auth/%6De')
      .set('Authorization', `Bearer ${admin}`);
    expect([escaped.status, escaped.body]).toEqual([
      404,
      { error: 'not found', code: 404 },
    ]);
    const loggedOut = await request(t.http)
      .post('/api/auth/l%6Fgout')
      .set('Authorization', `Bearer ${admin}`);
    expect(loggedOut.status).toBe(404);
    await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const invite = (
      await request(t.http)
        .post('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`)
        .send({})
        .expect(200)
    ).body as { id: number };
    const escapedId = [...String(invite.id)]
      .map((digit) => `%3${digit}`)
      .join('');
    const read = await request(t.http)
      .get(`/api/auth/invite/${escapedId}`)
      .set('Authorization', `Bearer ${admin}`);
    expect([read.status, (read.body as { id: number }).id]).toEqual([
      200,
      invite.id,
    ]);
  });

  it('reads every body as JSON, whatever its media type says', async () => {
    const admin = await t.adminToken();
    const json = '{"count": 2, "note": "typed"}';
    const post = () =>
      request(t.http)
        .post('/api/auth/invite')
        .set('Authorization', `Bearer ${admin}`);
    const answers = [
      await post().set('Content-Type', 'text/plain').send(json),
      await post().type('form').send(json),
    ].map((response) => ({
      status: response.status,
      body: response.body as unknown,
    }));
    // No Content-Type at all: fetch sends none for a byte body.
    const untyped = await fetch(`${await t.listen()}/api/auth/invite`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}` },
      body: Buffer.from(json),
    });
    answers.push({ status: untyped.status, body: await untyped.json() });
    const typed = expect.objectContaining({ note: 'typed' }) as unknown;
    expect(answers).toEqual(
      Array.from({ length: 3 }, () => ({ status: 200, body: [typed, typed] })),
    );

    const form = await post().type('form').send('count=2');
    expect([form.status, form.body]).toEqual([400, INVALID_JSON_BODY]);
  });

  it('answers 413 payload too large above the 100 kB limit', async () => {
    const response = await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'a'.repeat(101 * 1024), password: 'x' }))
      .expect(413);
    expect(response.body).toEqual(PAYLOAD_TOO_LARGE);
  });

  it('accepts a body just under the limit', async () => {
    await request(t.http)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'a'.repeat(90 * 1024), password: 'x' }))
      .expect(401);
  });

  it('answers 500 internal server error without leaking the cause', async () => {
    const users = t.app.get(UsersService);
    const spy = jest
      .spyOn(users, 'findSignedIn')
      .mockRejectedValueOnce(
        new Error('secret internal detail at /srv/app.ts:42'),
      );
    try {
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(500);
      expect(response.body).toEqual(INTERNAL_SERVER_ERROR);
      expect(JSON.stringify(response.body)).not.toContain('secret');
      expect(response.headers['x-request-id']).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  it('answers 503 database unavailable when the database refuses connections', async () => {
    const users = t.app.get(UsersService);
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
      {
        code: 'ECONNREFUSED',
      },
    );
    const spy = jest
      .spyOn(users, 'findSignedIn')
      .mockRejectedValueOnce(refused);
    try {
      const response = await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(503);
      expect(response.body).toEqual(DATABASE_UNAVAILABLE);
    } finally {
      spy.mockRestore();
    }
  });

  it('echoes the caller X-Request-Id and generates one otherwise', async () => {
    for (const id of [
      'abc-123',
      'req/1',
      'YWJj+/==',
      'trace@1',
      'x'.repeat(128),
    ]) {
      const echoed = await request(t.http)
        .get('/api/health')
        .set('X-Request-Id', id);
      expect(echoed.headers['x-request-id']).toBe(id);
    }
    // The longest kept id also fits the audit log's column (a failed login
    // is audited with it).
    const audited = await request(t.http)
      .post('/api/auth/login')
      .set('X-Request-Id', 'y'.repeat(128))
      .send({ username: 'nobody-by-this-name', password: 'wrong-password' })
      .expect(401);
    expect(audited.headers['x-request-id']).toBe('y'.repeat(128));
    const generated = await request(t.http).get('/api/nope');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A space or a tab would split the access line's fields.
    for (const unsafe of ['bad id', 'bad\tid', 'x'.repeat(129)]) {
      const replaced = await request(t.http)
        .get('/api/health')
        .set('X-Request-Id', unsafe);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('a malformed body, in the contract’s check order (e2e)', () => {
  // The flag's turn is in invite-lifecycle.e2e-spec.ts: a second app in
  // this process would take over passport's one 'jwt' strategy.
  let t: TestApp;
  let admin: string;
  let user: string;

  beforeAll(async () => {
    t = await createApp();
    admin = await t.adminToken();
    user = (await t.createUser()).token;
  });

  afterAll(async () => {
    await t.close();
  });

  const postMalformed = (token?: string) => {
    const post = request(t.http)
      .post('/api/auth/invite')
      .set('Content-Type', 'application/json');
    if (token) void post.set('Authorization', `Bearer ${token}`);
    return post.send('{"count": 2,');
  };

  it('answers authentication, then the administrator check, before the body', async () => {
    const answers = [
      await postMalformed(),
      await postMalformed(user),
      await postMalformed(admin),
    ];
    expect(answers.map((response) => response.body as unknown)).toEqual([
      NOT_LOGGED_IN,
      NOT_AN_ADMINISTRATOR,
      INVALID_JSON_BODY,
    ]);
  });

  it('refuses it before an Idempotency-Key is claimed', async () => {
    const key = 'malformed-body-key';
    const refused = await postMalformed(admin).set('Idempotency-Key', key);
    expect([refused.status, refused.body]).toEqual([400, INVALID_JSON_BODY]);
    // The key is free: the same key with a real body creates invites.
    const created = await request(t.http)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${admin}`)
      .set('Idempotency-Key', key)
      .send({ count: 2 });
    expect(created.status).toBe(200);
    expect(created.headers['idempotent-replayed']).toBeUndefined();
  });
});
