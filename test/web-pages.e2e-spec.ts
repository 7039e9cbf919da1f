import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { WebAssets, WEB_DIST_DIR } from '../src/web/web-assets';
import { createApp, TestApp } from './helpers/create-app';
import { NOT_FOUND } from './helpers/error-bodies';

/**
 * The pages' HTTP side, on a small fake build (the real one is exercised by
 * the browser specs): the right types and cache headers, no /api prefix,
 * and 404 in the API's words for an unknown asset.
 */
describe('Web pages (/, /invite/:code, /assets/:file)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'invite-service-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'console.html'), '<!doctype html><p>console');
    writeFileSync(join(dir, 'invite.html'), '<!doctype html><p>invitee');
    writeFileSync(join(dir, 'assets', 'console-ABC123.js'), 'void 0;');
    writeFileSync(join(dir, 'assets', 'console-ABC123.css'), 'p{}');
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        pages: { console: 'console.html', invite: 'invite.html' },
        assets: ['console-ABC123.js', 'console-ABC123.css'],
      }),
    );
    t = await createApp();
    t.app.get(WebAssets).load(dir);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console at / as HTML that is never cached, under the CSP', async () => {
    const response = await request(t.http).get('/').expect(200);
    expect(response.text).toContain('console');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
  });

  it('serves the invitee page at /invite/:code whatever the code', async () => {
    const response = await request(t.http).get('/invite/Abc123xyz').expect(200);
    expect(response.text).toContain('invitee');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const js = await request(t.http)
      .get('/assets/console-ABC123.js')
      .expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(js.text).toBe('void 0;');
    const css = await request(t.http)
      .get('/assets/console-ABC123.css')
      .expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 not found for an unknown asset, and never serves outside the build', async () => {
    for (const path of [
      '/assets/nope.js',
      '/assets/manifest.json',
      '/assets/..%2Fconsole.html',
    ]) {
      const response = await request(t.http).get(path).expect(404);
      expect(response.body).toEqual(NOT_FOUND);
    }
  });

  it('keeps the API under /api only', async () => {
    await request(t.http).get('/api/health').expect(200);
    const response = await request(t.http).get('/health').expect(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  it('answers 405 for another method on a page and 404 for GET /api', async () => {
    const post = await request(t.http).post('/').expect(405);
    expect(post.body).toEqual({ error: 'method not allowed', code: 405 });
    const api = await request(t.http).get('/api').expect(404);
    expect(api.body).toEqual(NOT_FOUND);
  });

  it('answers a placeholder page when there is no build', async () => {
    const assets = t.app.get(WebAssets);
    assets.load(join(dir, 'missing'));
    try {
      const response = await request(t.http).get('/').expect(200);
      expect(response.text).toContain('have not been built');
      expect(response.headers['cache-control']).toBe('no-store');
    } finally {
      assets.load(dir);
    }
  });

  it('looks for the build in web/dist at the repository root', () => {
    expect(WEB_DIST_DIR).toBe(join(__dirname, '..', 'web', 'dist'));
  });
});
