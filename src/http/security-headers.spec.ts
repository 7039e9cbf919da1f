import {
  API_SECURITY_HEADERS,
  PAGE_SECURITY_HEADERS,
  securityHeadersFor,
} from './security-headers';

describe('securityHeadersFor', () => {
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
    expect(securityHeadersFor(url)).toBe(API_SECURITY_HEADERS);
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
    expect(securityHeadersFor(url)).toBe(PAGE_SECURITY_HEADERS);
  });
});

describe('the two tables', () => {
  it('gives the API OWASP’s list for REST answers, no less than helmet where both set a header', () => {
    expect(API_SECURITY_HEADERS).toEqual({
      'x-content-type-options': 'nosniff',
      'strict-transport-security':
        PAGE_SECURITY_HEADERS['strict-transport-security'],
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(PAGE_SECURITY_HEADERS['strict-transport-security']).toMatch(
      /^max-age=\d+/,
    );
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
