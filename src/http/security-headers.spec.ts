import type { IncomingMessage } from 'node:http';
import {
  API_SECURITY_HEADERS,
  PAGE_SECURITY_HEADERS,
  reachedOverHttps,
  securityHeadersFor,
} from './security-headers';

const HSTS = 'strict-transport-security';

function requestFor(
  url: string,
  { encrypted = false, forwardedProto = undefined as string | undefined } = {},
): IncomingMessage {
  return {
    url,
    headers:
      forwardedProto === undefined
        ? {}
        : { 'x-forwarded-proto': forwardedProto },
    socket: { encrypted },
  } as unknown as IncomingMessage;
}

describe('securityHeadersFor over HTTPS', () => {
  it.each([
    '/api',
    '/api/auth/me',
    '/API/Auth/Invite?code=abc',
    '/api?x=1',
    '/api/',
    '/api/docs-json',
    '/api/docsx',
    '/api/health#top',
  ])('gives %s the API set', (url) => {
    expect(securityHeadersFor(requestFor(url, { encrypted: true }))).toBe(
      API_SECURITY_HEADERS,
    );
  });

  it.each([
    '/',
    '/invite/ix8iFD',
    '/assets/console.js',
    '/api/docs',
    '/API/Docs/',
    '/api/docs/swagger-ui.css',
    '/api/docs?x=1',
    '/apix',
    '/metrics',
    '',
  ])('gives %s helmet’s set', (url) => {
    expect(securityHeadersFor(requestFor(url, { encrypted: true }))).toBe(
      PAGE_SECURITY_HEADERS,
    );
  });
});

describe('securityHeadersFor over plain HTTP', () => {
  it.each(['/api/auth/me', '/', '/api/docs'])(
    'gives %s its set without HSTS (RFC 6797, 7.2)',
    (url) => {
      const https = securityHeadersFor(requestFor(url, { encrypted: true }));
      const { [HSTS]: hsts, ...rest } = https;
      expect(hsts).toMatch(/^max-age=\d+/);
      expect(securityHeadersFor(requestFor(url))).toEqual(rest);
      expect(Object.isFrozen(securityHeadersFor(requestFor(url)))).toBe(true);
    },
  );
});

describe('reachedOverHttps', () => {
  it.each([
    [{ encrypted: true }, true],
    [{}, false],
    [{ forwardedProto: 'https' }, true],
    [{ forwardedProto: 'HTTPS' }, true],
    [{ forwardedProto: ' https , http' }, true],
    [{ forwardedProto: 'http, https' }, false],
    [{ forwardedProto: 'http' }, false],
    [{ forwardedProto: 'httpsx' }, false],
    [{ forwardedProto: '' }, false],
  ])('reads %j as %s', (options, expected) => {
    expect(reachedOverHttps(requestFor('/api', options))).toBe(expected);
  });
});

describe('the two tables', () => {
  it('gives the API OWASP’s list for REST answers, no less than helmet where both set a header', () => {
    expect(API_SECURITY_HEADERS).toEqual({
      'x-content-type-options': 'nosniff',
      [HSTS]: PAGE_SECURITY_HEADERS[HSTS],
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(PAGE_SECURITY_HEADERS[HSTS]).toMatch(/^max-age=\d+/);
    expect(API_SECURITY_HEADERS['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('keeps helmet’s page policy without upgrade-insecure-requests', () => {
    expect(PAGE_SECURITY_HEADERS['content-security-policy']).toContain(
      "default-src 'self'",
    );
    expect(PAGE_SECURITY_HEADERS['content-security-policy']).not.toContain(
      'upgrade-insecure-requests',
    );
    expect(PAGE_SECURITY_HEADERS['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(API_SECURITY_HEADERS)).toBe(true);
    expect(Object.isFrozen(PAGE_SECURITY_HEADERS)).toBe(true);
  });
});
