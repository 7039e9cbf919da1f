import { createInvites } from './helpers/invites';
import { createApp, TestApp } from './helpers/create-app';
import { sendRaw } from './helpers/raw-http';

/**
 * Requests that an HTTP client would not send as written: Node's server
 * or one platform's router used to answer them differently from the other
 * platform, or with a bare status line.
 */
describe('unusual request lines and headers (e2e)', () => {
  let t: TestApp;
  let base: string;
  let host: string;
  let token: string;

  beforeAll(async () => {
    t = await createApp({ INVITES_ENABLED: 'true' });
    base = await t.listen();
    host = new URL(base).host;
    token = await t.adminToken();
  });

  afterAll(async () => {
    await t.close();
  });

  const json = (body: string): unknown => JSON.parse(body);

  it('answers an HTTP/1.1 request without Host with 400 in JSON, with the caller’s request id', async () => {
    const response = await sendRaw(base, [
      'GET /api/auth/me HTTP/1.1',
      'X-Request-Id: no-host-1',
    ]);
    expect(response.status).toBe(400);
    expect(json(response.body)).toEqual({ error: 'bad request', code: 400 });
    expect(response.headers['x-request-id']).toBe('no-host-1');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // HTTP/1.0 has no Host requirement: the request reaches the route.
    const old = await sendRaw(base, ['GET /api/auth/me HTTP/1.0']);
    expect([old.status, json(old.body)]).toEqual([
      401,
      { error: 'not logged in', code: 401 },
    ]);
  });

  it('answers an Expect it cannot meet with 417 in JSON, with the caller’s request id', async () => {
    const response = await sendRaw(base, [
      'GET /api/auth/me HTTP/1.1',
      `Host: ${host}`,
      'Expect: something-else',
      'X-Request-Id: expect-1',
    ]);
    expect(response.status).toBe(417);
    expect(json(response.body)).toEqual({
      error: 'expectation failed',
      code: 417,
    });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['x-request-id']).toBe('expect-1');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the QUERY method like any other method no route takes', async () => {
    const known = await sendRaw(base, [
      'QUERY /api/auth/me HTTP/1.1',
      `Host: ${host}`,
    ]);
    expect([known.status, json(known.body), known.headers.allow]).toEqual([
      405,
      { error: 'method not allowed', code: 405 },
      'GET, HEAD',
    ]);
    const unknown = await sendRaw(base, [
      'QUERY /api/nothing HTTP/1.1',
      `Host: ${host}`,
    ]);
    expect([unknown.status, json(unknown.body)]).toEqual([
      404,
      { error: 'not found', code: 404 },
    ]);
  });

  it('ignores a fragment in the request target, in the path and in the query', async () => {
    await createInvites(t, token, { count: 2 });
    const get = (target: string) =>
      sendRaw(base, [
        `GET ${target} HTTP/1.1`,
        `Host: ${host}`,
        `Authorization: Bearer ${token}`,
      ]);
    const limited = await get('/api/auth/invite?limit=1#part');
    expect(limited.status).toBe(200);
    expect(json(limited.body)).toHaveLength(1);
    const invalid = await get('/api/auth/invite?limit=x#part');
    expect([invalid.status, json(invalid.body)]).toEqual([
      400,
      { error: 'invalid query', code: 400 },
    ]);
    const wrongMethod = await sendRaw(base, [
      'DELETE /api/auth/me#part HTTP/1.1',
      `Host: ${host}`,
    ]);
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([
      405,
      'GET, HEAD',
    ]);
  });
});
