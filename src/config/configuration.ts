import { resolve } from 'node:path';
import { parseDuration } from '../common/duration';
import type { HttpPlatformName } from '../http/http-platform';
import { EnvironmentVariables, validateEnvironment } from './env.validation';
import { resolveJwtSecret } from './jwt-secret';

export interface AppConfig {
  app: {
    nodeEnv: 'development' | 'production' | 'test';
    port: number;
    /** Largest accepted request body, in bytes. */
    bodyLimit: number;
    /** Origins allowed by CORS; empty: CORS off (no header sent). */
    corsOrigins: string[];
    /** Express or Fastify under Nest; every behaviour is the same on both. */
    httpPlatform: HttpPlatformName;
    /** Slow clients: the headers must arrive within the first, the whole request within the second (else 408). */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    /**
     * proxy-addr's trust setting (Express's `trust proxy`, Fastify's
     * `trustProxy`), so client IPs are right behind a load balancer: a hop
     * count or addresses, never `true` (refused at start-up); false when unset.
     */
    trustProxy: false | number | string;
    /** How long in-flight requests may run on after SIGTERM before their connections are cut. */
    shutdownTimeoutMs: number;
  };
  database: {
    /** Unset: main.ts starts an embedded PostgreSQL in dataDir and fills this in. */
    url?: string;
    dataDir: string;
    /** Bound on waiting for a pooled connection, so an outage answers 503 instead of hanging. */
    connectTimeoutMs: number;
    /** Bound on one statement. */
    statementTimeoutMs: number;
    poolSize: number;
  };
  auth: {
    jwtSecret: string;
    /** Token lifetime in seconds (at most 30 days). */
    jwtExpiresInSeconds: number;
    /** `iss` and `aud` of every token; tokens with other values are refused. */
    jwtIssuer: string;
    /** Password hashes (argon2) running at once; more wait briefly, then 503. */
    hashConcurrency: number;
    registrationEnabled: boolean;
    adminUsername: string;
    adminPassword?: string;
  };
  invites: {
    enabled: boolean;
    codeLength: number;
    maxCount: number;
    /** Seconds between cleanups of expired and used-up invites; 0 = never. */
    cleanupIntervalSeconds: number;
    /** Base of invite links (`<publicUrl>/invite/<code>`), without a trailing slash. */
    publicUrl: string;
  };
  rateLimit: {
    authPerMinute: number;
    redisUrl?: string;
  };
  webhooks: {
    /** Allow URLs on loopback, private and link-local addresses (tests, internal networks). */
    allowPrivate: boolean;
    /** Seconds before the first retry; doubles per attempt up to an hour. */
    retryBaseSeconds: number;
    /** Whether this instance delivers (fans out and sends) webhook events, or only records them. */
    worker: boolean;
  };
  metrics: {
    enabled: boolean;
  };
  audit: {
    /** Entries older than this are deleted every hour; null: kept forever. */
    retentionMs: number | null;
  };
}

/** Turns the validated environment into the typed configuration the app reads. */
export function buildConfig(env: EnvironmentVariables): AppConfig {
  const dataDir = resolve(env.DATA_DIR);
  return {
    app: {
      nodeEnv: env.NODE_ENV as AppConfig['app']['nodeEnv'],
      port: env.PORT,
      bodyLimit: 100 * 1024,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      httpPlatform: env.HTTP_PLATFORM,
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT * 1000,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT * 1000,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT * 1000,
    },
    database: {
      url: env.DATABASE_URL,
      dataDir,
      // API.md: 503 within 5 s by default, watchdog included (DatabaseModule).
      connectTimeoutMs: 4000,
      statementTimeoutMs: 4000,
      poolSize: 10,
    },
    auth: {
      jwtSecret: resolveJwtSecret(env, dataDir),
      jwtExpiresInSeconds: Math.round(
        (parseDuration(env.JWT_EXPIRES_IN) as number) / 1000,
      ),
      jwtIssuer: env.JWT_ISSUER,
      hashConcurrency: env.HASH_CONCURRENCY,
      registrationEnabled: env.USER_REGISTRATION_ENABLED,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD,
    },
    invites: {
      enabled: env.INVITES_ENABLED,
      codeLength: env.INVITES_LENGTH,
      maxCount: env.INVITES_MAX_COUNT,
      cleanupIntervalSeconds: env.INVITES_CLEANUP_INTERVAL,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(
        /\/+$/,
        '',
      ),
    },
    rateLimit: {
      authPerMinute: env.RATE_LIMIT_AUTH,
      redisUrl: env.REDIS_URL,
    },
    webhooks: {
      allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE,
      retryBaseSeconds: env.WEBHOOKS_RETRY_DELAY,
      worker: env.WEBHOOKS_WORKER,
    },
    metrics: { enabled: env.METRICS_ENABLED },
    audit: {
      retentionMs:
        env.AUDIT_RETENTION.trim().toLowerCase() === 'forever'
          ? null
          : parseDuration(env.AUDIT_RETENTION),
    },
  };
}

function parseTrustProxy(value: string): false | number | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // addresses or subnets, as proxy-addr reads them
}

/** Settings that are allowed but weaken the service: one start-up warning each. */
export function configWarnings(
  config: Pick<AppConfig, 'invites'> & {
    app: Pick<AppConfig['app'], 'nodeEnv'>;
  },
): string[] {
  const warnings: string[] = [];
  if (config.invites.codeLength < 10) {
    warnings.push(
      `INVITES_LENGTH=${config.invites.codeLength} makes invite codes guessable (62^${config.invites.codeLength} codes); use 10 or more (default 12)`,
    );
  }
  if (
    config.app.nodeEnv === 'production' &&
    LOOPBACK_HOSTS.has(new URL(config.invites.publicUrl).hostname)
  ) {
    warnings.push(
      `invite links point at ${config.invites.publicUrl}, which only this machine can open: set PUBLIC_URL to the address invitees use`,
    );
  }
  return warnings;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Validates and builds in one step. @throws ConfigValidationError */
export function loadConfig(
  raw: Record<string, string | undefined> = process.env,
): AppConfig {
  return buildConfig(validateEnvironment(raw));
}
