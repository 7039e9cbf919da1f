import { availableParallelism } from 'node:os';
import { configWarnings, loadConfig } from './configuration';
import { ConfigValidationError, validateEnvironment } from './env.validation';

const SECRET = 'x'.repeat(32);

describe('validateEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const env = validateEnvironment({ JWT_SECRET: SECRET });
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      JWT_EXPIRES_IN: '1d',
      INVITES_ENABLED: true,
      INVITES_LENGTH: 12,
      JWT_ISSUER: 'invite-service',
      INVITES_MAX_COUNT: 100,
      INVITES_CLEANUP_INTERVAL: 0,
      USER_REGISTRATION_ENABLED: false,
      RATE_LIMIT_AUTH: 20,
      ADMIN_USERNAME: 'administrator',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer from 0 to 65535'],
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535'],
    ['PORT', '3000.5', 'PORT must be an integer from 0 to 65535'],
    ['INVITES_LENGTH', '3', 'INVITES_LENGTH must be an integer from 6 to 64'],
    ['INVITES_LENGTH', '65', 'INVITES_LENGTH must be an integer from 6 to 64'],
    [
      'FEATURES_INVITES_LENGTH',
      '5',
      'INVITES_LENGTH must be an integer from 6 to 64',
    ],
    ['INVITES_ENABLED', 'maybe', 'INVITES_ENABLED must be true or false'],
    [
      'WEBHOOKS_ALLOW_PRIVATE',
      'yes please',
      'WEBHOOKS_ALLOW_PRIVATE must be true or false',
    ],
    [
      'WEBHOOKS_RETRY_DELAY',
      '0',
      'WEBHOOKS_RETRY_DELAY must be a whole number of seconds from 1 to 3600',
    ],
    ['WEBHOOKS_WORKER', 'maybe', 'WEBHOOKS_WORKER must be true or false'],
    ...['12h', '90', 'soon'].map((value) => [
      'AUDIT_RETENTION',
      value,
      'AUDIT_RETENTION must be forever or a duration of at least 1 day, such as 90d or 1y',
    ]),
    ['METRICS_ENABLED', 'maybe', 'METRICS_ENABLED must be true or false'],
    [
      'INVITES_MAX_COUNT',
      '0',
      'INVITES_MAX_COUNT must be an integer from 1 to 10000',
    ],
    [
      'INVITES_CLEANUP_INTERVAL',
      '-1',
      'INVITES_CLEANUP_INTERVAL must be a whole number of seconds (0 = off)',
    ],
    [
      'USER_REGISTRATION_ENABLED',
      'sure',
      'USER_REGISTRATION_ENABLED must be true or false',
    ],
    [
      'RATE_LIMIT_AUTH',
      'lots',
      'RATE_LIMIT_AUTH must be a whole number (0 = off)',
    ],
    [
      'JWT_EXPIRES_IN',
      'forever',
      'JWT_EXPIRES_IN must be a duration such as 1h, 12h or 7d',
    ],
    ['JWT_EXPIRES_IN', '31d', 'JWT_EXPIRES_IN must be at most 30 days'],
    ['JWT_EXPIRES_IN', '1y', 'JWT_EXPIRES_IN must be at most 30 days'],
    ['JWT_ISSUER', 'x'.repeat(256), 'JWT_ISSUER must be 1 to 255 characters'],
    [
      'HASH_CONCURRENCY',
      '0',
      'HASH_CONCURRENCY must be an integer from 1 to 1024',
    ],
    [
      'HASH_CONCURRENCY',
      'many',
      'HASH_CONCURRENCY must be an integer from 1 to 1024',
    ],
    [
      'TRUST_PROXY',
      'true',
      'TRUST_PROXY=true is refused (clients can forge X-Forwarded-For): set the number of proxies in front of the service or their addresses/subnets',
    ],
    ['JWT_SECRET', 'short', 'JWT_SECRET must be at least 32 characters'],
    ['ADMIN_PASSWORD', 'short', 'ADMIN_PASSWORD must be at least 8 characters'],
    [
      'NODE_ENV',
      'staging',
      'NODE_ENV must be one of development, production, test',
    ],
    [
      'CORS_ORIGINS',
      'app.example',
      'CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.com',
    ],
    [
      'TRUST_PROXY',
      'yes please',
      'TRUST_PROXY must be false, a number of proxies, or a comma-separated list of proxy addresses/subnets',
    ],
    [
      'SHUTDOWN_TIMEOUT',
      '0',
      'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
    ],
    ...(
      [
        ['abc', 'invalid IP address: abc'],
        ['1.5', 'invalid IP address: 1.5'],
        ['10.0.0.0/33', 'invalid range on address: 10.0.0.0/33'],
        ['10.0.0.1, abc', 'invalid IP address: abc'],
      ] as const
    ).map(([value, reason]) => [
      'TRUST_PROXY',
      value,
      `TRUST_PROXY must be false, a number of proxies, or proxy addresses/subnets (${reason})`,
    ]),
    [
      'DATABASE_URL',
      'mysql://127.0.0.1:1/y',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
    ],
    ['REDIS_URL', 'notaurl', 'REDIS_URL must be a redis:// or rediss:// URL'],
    [
      'REDIS_URL',
      'http://127.0.0.1:1',
      'REDIS_URL must be a redis:// or rediss:// URL',
    ],
    [
      'ADMIN_USERNAME',
      'bad<name>',
      'ADMIN_USERNAME must be 1..64 characters of A-Z a-z 0-9 . _ - (the rule for every username)',
    ],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() =>
      validateEnvironment({ JWT_SECRET: SECRET, [name]: value }),
    ).toThrow(new ConfigValidationError(message));
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET must be set/,
    );
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: SECRET })
        .NODE_ENV,
    ).toBe('production');
  });

  it('accepts the Zipline aliases, the canonical name winning when both are set', () => {
    expect(
      validateEnvironment({ JWT_SECRET: SECRET, FEATURES_INVITES: 'false' })
        .INVITES_ENABLED,
    ).toBe(false);
    expect(
      validateEnvironment({ JWT_SECRET: SECRET, FEATURES_INVITES_LENGTH: '12' })
        .INVITES_LENGTH,
    ).toBe(12);
    expect(
      validateEnvironment({
        JWT_SECRET: SECRET,
        FEATURES_INVITES: 'false',
        INVITES_ENABLED: 'true',
      }).INVITES_ENABLED,
    ).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(validateEnvironment({ JWT_SECRET: SECRET, PORT: '' }).PORT).toBe(
      3000,
    );
  });

  it.each([
    ['true', true],
    ['1', true],
    ['FALSE', false],
    ['0', false],
  ])('reads the boolean %s as %s', (value, expected) => {
    expect(
      validateEnvironment({ JWT_SECRET: SECRET, INVITES_ENABLED: value })
        .INVITES_ENABLED,
    ).toBe(expected);
  });
});

describe('loadConfig', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['2', 2],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.1.1', '10.0.0.0/8, 192.168.1.1'],
  ])('reads TRUST_PROXY=%s as %j', (value, expected) => {
    expect(
      loadConfig({ JWT_SECRET: SECRET, TRUST_PROXY: value }).app.trustProxy,
    ).toEqual(expected);
  });

  it('splits CORS_ORIGINS into a list, empty when unset', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).app.corsOrigins).toEqual([]);
    expect(
      loadConfig({
        JWT_SECRET: SECRET,
        CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      }).app.corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example:8443']);
  });

  it.each([
    [undefined, null],
    ['Forever', null],
    ['1d', 24 * 3600 * 1000],
    ['90 days', 90 * 24 * 3600 * 1000],
  ])('reads AUDIT_RETENTION=%s as %j ms', (value, expected) => {
    expect(
      loadConfig({ JWT_SECRET: SECRET, AUDIT_RETENTION: value }).audit
        .retentionMs,
    ).toBe(expected);
  });

  it('accepts a token lifetime of exactly 30 days', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, JWT_EXPIRES_IN: '30d' });
    expect(config.auth.jwtExpiresInSeconds).toBe(30 * 24 * 3600);
  });

  it('defaults HASH_CONCURRENCY to the CPU count and JWT_ISSUER to invite-service', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config.auth.hashConcurrency).toBe(availableParallelism());
    expect(config.auth.jwtIssuer).toBe('invite-service');
  });

  it('warns at start-up when INVITES_LENGTH is below 10, not at 10 or more', () => {
    expect(
      configWarnings(loadConfig({ JWT_SECRET: SECRET, INVITES_LENGTH: '9' })),
    ).toEqual([
      'INVITES_LENGTH=9 makes invite codes guessable (62^9 codes); use 10 or more (default 12)',
    ]);
    expect(
      configWarnings(loadConfig({ JWT_SECRET: SECRET, INVITES_LENGTH: '10' })),
    ).toEqual([]);
    expect(configWarnings(loadConfig({ JWT_SECRET: SECRET }))).toEqual([]);
  });

  it('warns in production when invite links would name this machine (PUBLIC_URL unset or loopback)', () => {
    const production = (env: Record<string, string>) =>
      configWarnings(
        loadConfig({
          JWT_SECRET: 'Zq8vN3kLp2Xw7RtY5mB9cH4jF6gD1sAe',
          NODE_ENV: 'production',
          ...env,
        }),
      );
    expect(production({ PORT: '8080' })).toEqual([
      'invite links point at http://localhost:8080, which only this machine can open: set PUBLIC_URL to the address invitees use',
    ]);
    expect(production({ PUBLIC_URL: 'http://127.0.0.1:3000' })).toHaveLength(1);
    expect(production({ PUBLIC_URL: 'http://[::1]:3000' })).toHaveLength(1);
    expect(production({ PUBLIC_URL: 'https://invites.example.com' })).toEqual(
      [],
    );
  });

  it('converts the token lifetime to seconds', () => {
    const config = loadConfig({ JWT_SECRET: SECRET, JWT_EXPIRES_IN: '12h' });
    expect(config.auth.jwtExpiresInSeconds).toBe(12 * 3600);
  });
});
