import { extractToken } from './token-extractor';

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
