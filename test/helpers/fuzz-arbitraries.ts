import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './create-app';

/**
 * fast-check generators for the HTTP fuzz suite. Bodies are generated as raw
 * JSON text, so that keys like `__proto__` survive, numbers can be
 * `1e309` or 30 digits long, and keys can repeat.
 */

/** Printable ASCII that Node's HTTP client accepts on the request line. */
const URL_SAFE = [
  ..."ABCXYZabcxyz0189-._~!$&'()*+,;=:@%/?[]#".split(''),
] as const;

export const KNOWN_PATHS = [
  '/api/auth/login',
  '/api/auth/register',
  '/api/auth/me',
  '/api/auth/invite',
  '/api/health',
] as const;

const INTERESTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'username',
  'password',
  'code',
  'count',
  'maxUses',
  'expiresAt',
  'administrator',
  'id',
  'uses',
  'used',
  'createdById',
  'inviteId',
  'limit',
  'cursor',
  '',
];

export const anyKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INTERESTING_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Number literals, including ones JSON.stringify never writes. */
export const numberLiteral = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-1',
    '2.5',
    '1e309',
    '-1e309',
    '1e-400',
    '1E2',
    '123456789012345678901234567890',
    '-123456789012345678901234567890',
    '2147483647',
    '2147483648',
    '-2147483649',
    '9007199254740993',
    '100',
    '101',
    '0.0000001',
  ),
  fc.integer().map(String),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((n) => JSON.stringify(n)),
  fc.bigInt().map(String),
);

export const jsonStringLiteral = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(
      '',
      ' ',
      'null',
      'undefined',
      'NaN',
      'never',
      'date=tomorrow',
      '1h',
      '-1h',
      '1e309',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '\u0000',
      '\ud800',
      '💥'.repeat(50),
      'x'.repeat(300),
    ),
  )
  .map((s) => JSON.stringify(s));

const { value: rawJsonValue } = fc.letrec<{
  value: string;
  leaf: string;
  array: string;
  object: string;
}>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    tie('array'),
    tie('object'),
  ),
  leaf: fc.oneof(
    numberLiteral,
    jsonStringLiteral,
    fc.constantFrom('true', 'false', 'null'),
  ),
  array: fc
    .array(tie('value'), { maxLength: 4 })
    .map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(anyKey, tie('value')), { maxLength: 5 })
    .map(
      (entries) =>
        `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
    ),
}));

/** Any JSON text: scalars, arrays, objects with hostile keys. */
export const rawJson = rawJsonValue;

/** A JSON object whose entries are given as raw text (keys may repeat). */
export function rawObject(
  entries: fc.Arbitrary<Array<[string, string]>>,
): fc.Arbitrary<string> {
  return entries.map(
    (list) =>
      `{${list.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
  );
}

/** A JSON object text: the given fields (each present or not) plus hostile extra keys sometimes. */
export function fieldsObject(
  fields: Record<string, fc.Arbitrary<string>>,
  extraKeys = true,
): fc.Arbitrary<string> {
  const present = Object.entries(fields).map(([key, value]) =>
    fc.option(
      value.map((v): [string, string] => [key, v]),
      { freq: 4, nil: undefined },
    ),
  );
  const extras = extraKeys
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant<Array<[string, string]>>([]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.tuple(anyKey, rawJson), { maxLength: 2 }),
        },
      )
    : fc.constant<Array<[string, string]>>([]);
  return rawObject(
    fc
      .tuple(fc.tuple(...present), extras)
      .map(([chosen, more]) => [
        ...chosen.filter((entry): entry is [string, string] => !!entry),
        ...more,
      ]),
  );
}

/** Bodies that are not JSON, or JSON the parser should refuse or choke on. */
export const junkBody = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  rawJson.map((s) => s.slice(0, Math.max(0, s.length - 1))),
  rawJson.map((s) => `${s}${s}`),
  rawJson.map((s) => `\ufeff${s}`),
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{bad',
    '{"a":1,}',
    '{"a":1}{"b":2}',
    "{'a':1}",
    'NaN',
    'Infinity',
    'undefined',
    'null',
    '"string"',
    '[1,2]',
    '{"__proto__":{"administrator":true}}',
    '{"constructor":{"prototype":{"administrator":true}}}',
    'username=admin&password=x&__proto__[administrator]=1',
    '--xyz\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--xyz--\r\n',
    '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\nContent-Type: application/json\r\n\r\n{}\r\n',
    '\u0000\u0001\u0002',
    '\x1f\x8b\x08\x00garbage',
    '<html><body>hi</body></html>',
    `{"a":"${'x'.repeat(110_000)}"}`,
    `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
    `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
  ),
);

export const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=UTF-8',
      'application/json; charset=latin1',
      'application/json; charset=iso-8859-1',
      'application/json; charset=utf-16',
      'application/json; charset=utf-16le',
      'application/json; charset=junk',
      'application/json; charset="utf-8"',
      'application/json; charset=',
      'application/json;;;',
      'application/json; boundary=x',
      'APPLICATION/JSON',
      'application/JSON; Charset=UTF-8',
      'text/plain',
      'text/plain; charset=utf-8',
      'text/json',
      'text/html',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-7',
      'multipart/form-data; boundary=xyz',
      'multipart/form-data',
      'application/vnd.api+json',
      'application/merge-patch+json',
      'application/xml',
      'application/octet-stream',
      'application/*',
      '*/*',
      'junk',
      '/',
      ';',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
  },
);

export const contentEncoding = fc.option(
  fc.constantFrom(
    'identity',
    'gzip',
    'deflate',
    'br',
    'x-junk',
    'gzip, gzip',
    'GZIP',
    '',
  ),
  { freq: 5, nil: undefined },
);

/** Header values Node's HTTP client accepts: tab, printable ASCII, latin-1. */
export const headerValue = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('\t', ' '),
      fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 80,
  })
  .map((s) => s.trim());

/** Junk in headers other than Authorization and Content-Type. */
export const junkHeaders = fc
  .record(
    {
      'X-Request-Id': fc.oneof(
        headerValue,
        fc.constantFrom('a'.repeat(129), 'ok-id:1', '\tx', 'x\ty'),
      ),
      Accept: fc.oneof(
        headerValue,
        fc.constantFrom(
          'text/html',
          'application/xml',
          '*/*',
          'text/plain',
          'application/json;q=0',
          'image/png',
        ),
      ),
      'Accept-Encoding': fc.constantFrom('gzip', 'br', 'x-junk', '*;q=0'),
      'Accept-Charset': fc.constantFrom('utf-16', 'latin1', 'junk'),
      'Accept-Language': headerValue,
      Cookie: headerValue,
      'X-Forwarded-For': fc.oneof(
        headerValue,
        fc.constantFrom('::1', '999.999.1.1', '1.2.3.4, 5.6.7.8', 'unknown'),
      ),
      'X-Forwarded-Proto': headerValue,
      'X-HTTP-Method-Override': fc.constantFrom('DELETE', 'PUT', 'GET', 'junk'),
      Origin: fc.oneof(headerValue, fc.constant('null')),
      Referer: headerValue,
      'User-Agent': headerValue,
      'X-Junk': headerValue,
    },
    { requiredKeys: [] },
  )
  .map((headers) => headers as Record<string, string>);

export function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export function signJwt(
  header: string,
  payload: string,
  secret = TEST_JWT_SECRET,
): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const signature = createHmac('sha256', secret)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

const HS256 = '{"alg":"HS256","typ":"JWT"}';

/**
 * `sub` values that name no user: anything but (a spelling of) a small
 * positive integer, so a token correctly signed with them must be refused.
 */
const foreignSub = fc
  .oneof(
    rawJson,
    fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '2147483648',
      '99999999',
      '1e309',
      '"__proto__"',
      '"constructor"',
      '{"__proto__":1}',
      '[]',
      'null',
      'true',
      '"1 OR 1=1"',
      '"1; DROP TABLE users"',
      '"0x1"',
    ),
  )
  .filter((raw) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return true;
    }
    // String([1]) is "1": arrays could spell an id, objects cannot.
    if (Array.isArray(parsed)) return false;
    if (typeof parsed === 'object' && parsed !== null) return true;
    const text = String(parsed);
    const small = (n: number) => Number.isFinite(n) && n >= 0.5 && n < 10_000;
    return !small(Number(text)) && !small(parseInt(text, 10));
  });

/**
 * Authorization header values that must never authenticate anyone, built
 * around real tokens (`admin`, `user`) where that makes them more cunning.
 */
export function badAuthorization(
  admin: string,
  user: string,
  adminId: number,
): fc.Arbitrary<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const [adminHeader, , adminSignature] = admin.split('.');
  const [, userPayload] = user.split('.');
  const flipAt = (token: string, index: number) => {
    const i = Math.min(Math.max(index, 0), token.length - 1);
    const replacement = token[i] === 'A' ? 'B' : 'A';
    return `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
  };
  const signatureStart = admin.lastIndexOf('.') + 1;
  const token = fc.oneof(
    // a signature character changed (not the last one, whose low bits are padding)
    fc
      .integer({ min: signatureStart, max: admin.length - 2 })
      .map((i) => flipAt(admin, i)),
    // another user's payload under the administrator's signature
    fc.constant(`${adminHeader}.${userPayload}.${adminSignature}`),
    // alg none, alg swapped, empty signature
    fc.constantFrom(
      `${base64url('{"alg":"none","typ":"JWT"}')}.${base64url(`{"sub":${adminId}}`)}.`,
      `${base64url('{"alg":"none"}')}.${base64url(`{"sub":${adminId}}`)}.${adminSignature}`,
      `${base64url('{"alg":"HS512","typ":"JWT"}')}.${admin.split('.')[1]}.${adminSignature}`,
      `${base64url('{"alg":"RS256","typ":"JWT"}')}.${admin.split('.')[1]}.${adminSignature}`,
      `${admin.split('.').slice(0, 2).join('.')}.`,
      `${admin}.`,
      `${admin}x`,
      `.${admin}`,
    ),
    // well signed, but expired or not yet valid
    fc
      .integer({ min: 1, max: 10 ** 9 })
      .map((ago) =>
        signJwt(
          HS256,
          `{"sub":${adminId},"iat":${nowSeconds - ago - 10},"exp":${nowSeconds - ago}}`,
        ),
      ),
    fc
      .integer({ min: 60, max: 10 ** 9 })
      .map((ahead) =>
        signJwt(HS256, `{"sub":${adminId},"nbf":${nowSeconds + ahead}}`),
      ),
    // well signed, for nobody
    fc
      .tuple(
        foreignSub,
        fc.option(numberLiteral, { nil: undefined }),
        fc.array(fc.tuple(anyKey, rawJson), { maxLength: 2 }),
      )
      .map(([sub, exp, extra]) => {
        const entries: Array<[string, string]> = [
          ...extra.filter(([k]) => k !== 'sub'),
          ['sub', sub],
        ];
        if (exp !== undefined) entries.push(['exp', exp]);
        return signJwt(
          HS256,
          `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`,
        );
      }),
    // signed with another secret
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((secret) => secret !== TEST_JWT_SECRET)
      .map((secret) => signJwt(HS256, `{"sub":${adminId}}`, secret)),
    // three random segments
    fc
      .tuple(headerValue, headerValue, headerValue)
      .map((parts) => parts.map((p) => base64url(p)).join('.')),
  );
  return fc.oneof(
    token.map((t) => `Bearer ${t}`),
    token,
    token.map((t) => `Basic ${t}`),
    token.map((t) => `Bearer ${t} extra`),
    headerValue,
    headerValue.map((v) => `Bearer ${v}`),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer null',
      'Bearer undefined',
      'null',
      'Basic YWRtaW46YWRtaW4tcGFzc3dvcmQtZm9yLXRlc3Rz',
      `Token ${admin}`,
      `Bearer ${admin} Bearer ${admin}`,
      `Bearer ${admin},Bearer ${admin}`,
      `Bearer${admin}`,
      'a.b.c',
      '..',
    ),
  );
}

/** A path segment made of URL-safe characters, percent junk included. */
const segment = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...URL_SAFE) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
        .map((c) => encodeURIComponent(c)),
    },
  ),
  maxLength: 12,
});

/**
 * Paths that reach no route (and not the OpenAPI docs or the web pages
 * at / and /invite/<code>, which are HTML by design).
 */
const WEB_PAGE_PATH = /^\/+(invite\/[^/]+\/?)?$/;

export const unknownPath = fc
  .oneof(
    fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((s) => `/api/${s.join('/')}`),
    fc
      .array(segment, { minLength: 0, maxLength: 3 })
      .map((s) => `/${s.join('/')}`),
    fc
      .constantFrom(...KNOWN_PATHS)
      .chain((known) => segment.map((s) => `${known}/${s || 'x'}`)),
    fc.constantFrom(
      '/',
      '/api',
      '/api/',
      '/api/auth',
      '/api/auth/',
      '/api/auth/invite/extra',
      '/api/auth/invites',
      '/api/auth/login.json',
      '/api/%',
      '/api/%zz',
      '/api/%00',
      '/api/%E0%A4%A',
      '/api/auth/%2e%2e/health/x',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api/auth/invite%00',
      '/api/auth/invite%2f',
      '//api/auth/me/x',
      '/api/auth/me;jsessionid=1/x',
      '/favicon.ico',
      '/api/.env',
      '/api/__proto__',
      '/api/constructor',
      '/api/auth/__proto__',
      '/api/auth/constructor',
      '/api/auth/hasOwnProperty',
      '/api/auth/invite/__proto__',
    ),
  )
  .filter((path) => {
    const lower = path.toLowerCase();
    if (lower.includes('docs')) return false;
    const pathname = lower.split('?')[0].split('#')[0];
    if (WEB_PAGE_PATH.test(pathname)) return false;
    return !KNOWN_PATHS.some(
      (known) => pathname === known || pathname === `${known}/`,
    );
  });

/** Query strings: repeated keys, bracket syntax, prototype keys, percent junk. */
export function queryString(
  keys: readonly string[],
  values: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  const pair = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), values) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(
          '__proto__',
          'constructor',
          'prototype',
          '__proto__[administrator]',
          'constructor[prototype][administrator]',
          'limit[]',
          'code[]',
          'code[0]',
          'used[$ne]',
          'a[b][c]',
          '',
        ),
        values,
      ),
    },
    { weight: 1, arbitrary: fc.tuple(segment, segment) },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(pair, { maxLength: 5 })
        .map((pairs) =>
          pairs.length === 0
            ? ''
            : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}`,
        ),
    },
    { weight: 1, arbitrary: segment.map((s) => `?${s}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '?',
        '??',
        '?&&&',
        '?=',
        '?==',
        '?%',
        '?%zz=1',
        '?a=%',
        '?code',
        '?code=',
        '?code&code',
        '?limit',
        '?limit=',
        '?used',
        '?&=&=&',
      ),
    },
  );
}

/** Query values: numbers of every size, booleans in many spellings, unicode. */
export const queryValue = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    'TRUE',
    'yes',
    '1',
    '0',
    '-1',
    '1000',
    '1001',
    '1e3',
    '1.5',
    '99999999999999999999',
    '-99999999999999999999',
    'NaN',
    'Infinity',
    'null',
    '',
    '%',
    '%zz',
    '%00',
    '%FF%FE',
    'a%20b',
    encodeURIComponent('💥'),
    encodeURIComponent('\u0000'),
    'x'.repeat(2000),
  ),
  fc.integer().map(String),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return 'lone-surrogate';
    }
  }),
  segment,
);
