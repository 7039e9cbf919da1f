import { credentialsViewOf, extractToken, tokenOf } from './token-extractor';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2lnbmF0dXJl';

const withAuthorization = (authorization?: string) => ({
  headers: authorization === undefined ? {} : { authorization },
});

describe('extractToken', () => {
  it.each([
    [`Bearer ${JWT}`, JWT],
    [`bearer ${JWT}`, JWT],
    [`Bearer   ${JWT}  `, JWT],
    [JWT, JWT], // Zipline clients send the token bare
    [`  ${JWT}`, JWT],
  ])('reads %j', (header, expected) => {
    expect(extractToken(withAuthorization(header))).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'not-a-jwt',
    `Token ${JWT}`,
    `${JWT} extra`,
  ])('finds no token in %j', (header) => {
    expect(extractToken(withAuthorization(header))).toBeNull();
  });

  it('never reads the query string', () => {
    const request = {
      headers: {},
      query: { token: JWT, access_token: JWT },
    };
    expect(extractToken(request)).toBeNull();
  });
});

describe('tokenOf', () => {
  it('reads a request’s token once, then answers from what it read', () => {
    const request = withAuthorization('Bearer a.b.c');
    expect(tokenOf(request)).toBe('a.b.c');
    request.headers.authorization = 'Bearer x.y.z';
    expect(tokenOf(request)).toBe('a.b.c');
  });

  it('remembers that a request has no token', () => {
    const request = withAuthorization('Basic dXNlcjpwYXNz');
    expect(tokenOf(request)).toBeNull();
    request.headers.authorization = 'Bearer a.b.c';
    expect(tokenOf(request)).toBeNull();
  });

  it('gives passport a view with the headers and the token already read', () => {
    const request = Object.assign(withAuthorization('Bearer a.b.c'), {
      user: { id: 1 },
    });
    const view = credentialsViewOf(request);
    expect(Object.keys(view)).toEqual(['headers']);
    expect(view.headers).toBe(request.headers);
    request.headers.authorization = 'Bearer x.y.z';
    expect(tokenOf(view)).toBe('a.b.c');
  });
});
