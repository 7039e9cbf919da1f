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

    it('sends helmet’s security headers and no X-Powered-By', async () => {
      const response = await request(t.http).get('/api/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain(
        "default-src 'self'",
      );
      // A plain-HTTP LAN install would otherwise fetch its scripts over HTTPS.
      expect(response.headers['content-security-policy']).not.toContain(
        'upgrade-insecure-requests',
      );
      expect(response.headers['x-powered-by']).toBeUndefined();
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
