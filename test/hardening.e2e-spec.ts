import request from 'supertest';
import { createApp, TestApp } from './helpers/create-app';

describe('HTTP hardening (e2e)', () => {
  describe('by default', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it('sends the API set on API answers and no X-Powered-By', async () => {
      const response = await request(t.http).get('/api/health').expect(200);
      expect(response.headers).toMatchObject({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
      });
      // Plain HTTP: RFC 6797 (7.2) forbids HSTS there.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      // The health route sets its own, which says no-store as well.
      expect(response.headers['cache-control']).toMatch(/\bno-store\b/);
      // Headers for documents protect nothing on JSON.
      for (const name of [
        'cross-origin-opener-policy',
        'cross-origin-resource-policy',
        'referrer-policy',
      ]) {
        expect(response.headers[name]).toBeUndefined();
      }
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('sends HSTS when the client’s hop was HTTPS, on API answers and pages', async () => {
      for (const path of ['/api/health', '/API/nowhere', '/']) {
        const response = await request(t.http)
          .get(path)
          .set('X-Forwarded-Proto', 'https');
        expect(response.headers['strict-transport-security']).toMatch(
          /^max-age=\d+/,
        );
      }
      const relayed = await request(t.http)
        .get('/api/health')
        .set('X-Forwarded-Proto', 'http, https');
      expect(relayed.headers['strict-transport-security']).toBeUndefined();
    });

    it('sends the API set on refusals and unknown API paths too', async () => {
      const unknown = await request(t.http).get('/API/nowhere').expect(404);
      expect(unknown.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      const refused = await request(t.http).get('/api/auth/me').expect(401);
      expect(refused.headers['x-frame-options']).toBe('DENY');
      expect(refused.headers['cache-control']).toBe('no-store');
    });

    it('sends helmet’s headers on pages and Swagger UI', async () => {
      for (const path of ['/', '/invite/abc', '/api/docs']) {
        const response = await request(t.http).get(path).redirects(1);
        expect(response.status).toBe(200);
        expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toContain(
          "default-src 'self'",
        );
        // A plain-HTTP LAN install would otherwise fetch its scripts over HTTPS.
        expect(response.headers['content-security-policy']).not.toContain(
          'upgrade-insecure-requests',
        );
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('sends no CORS headers: cross-origin browsers are refused', async () => {
      const response = await request(t.http)
        .get('/api/health')
        .set('Origin', 'https://evil.example')
        .expect(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createApp({
        CORS_ORIGINS: 'https://app.example, https://admin.example',
      });
    });

    afterAll(async () => {
      await t.close();
    });

    it('allows the listed origins, preflight included', async () => {
      const response = await request(t.http)
        .options('/api/auth/invite')
        .set('Origin', 'https://admin.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(
        'https://admin.example',
      );
      const simple = await request(t.http)
        .get('/api/health')
        .set('Origin', 'https://app.example');
      expect(simple.headers['access-control-allow-origin']).toBe(
        'https://app.example',
      );
      expect(simple.headers['access-control-expose-headers']).toContain('Link');
    });

    it('does not allow other origins', async () => {
      const response = await request(t.http)
        .get('/api/health')
        .set('Origin', 'https://evil.example');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
