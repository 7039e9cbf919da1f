import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  ValidateBy,
} from 'class-validator';
import { availableParallelism } from 'node:os';
import { compile as compileProxyAddresses } from 'proxy-addr';
import { USERNAME_PATTERN } from '../auth/dto/register.dto';
import { parseDuration } from '../common/duration';
import { HTTP_PLATFORMS, type HttpPlatformName } from '../http/http-platform';
import { ConfigValidationError } from './env-errors';

export { ConfigValidationError } from './env-errors';

/** A leaked token must not stay valid for months (API.md: at most 30 days). */
export const JWT_MAX_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/** Zipline's variable names, accepted so a Zipline `.env` keeps working. */
const ALIASES: Record<string, string> = {
  FEATURES_INVITES: 'INVITES_ENABLED',
  FEATURES_INVITES_LENGTH: 'INVITES_LENGTH',
};

/** A string of digits becomes a number; anything else stays a string so @IsInt rejects it. */
const toInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)
      ? Number(value)
      : value,
  );

const toBool = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const normalized = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
    if (['false', '0', 'no', 'off'].includes(normalized)) return false;
    return value;
  });

const IsDuration = (message: string) =>
  ValidateBy({
    name: 'isDuration',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && parseDuration(value) !== null,
      defaultMessage: () => message,
    },
  });

/** Only judges what IsDuration accepted, so one bad value gets one message. */
const MaxDuration = (maxMs: number, message: string) =>
  ValidateBy({
    name: 'maxDuration',
    validator: {
      validate: (value: unknown) => {
        const millis = typeof value === 'string' ? parseDuration(value) : null;
        return millis === null || millis <= maxMs;
      },
      defaultMessage: () => message,
    },
  });

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_MESSAGE =
  'AUDIT_RETENTION must be forever or a duration of at least 1 day, such as 90d or 1y';

/** `forever`, or a duration of at least a day (a bare number is refused: no unit, no guess). */
const IsRetention = () =>
  ValidateBy({
    name: 'isRetention',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        (value.trim().toLowerCase() === 'forever' ||
          (parseDuration(value) ?? 0) >= DAY_MS),
      defaultMessage: () => RETENTION_MESSAGE,
    },
  });

/**
 * The environment as the service accepts it. Every variable of API.md's
 * configuration table is here, with its default; a wrong value is reported by
 * name instead of falling back silently.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be one of development, production, test',
  })
  NODE_ENV = 'development';

  @toInt()
  @IsInt({ message: 'PORT must be an integer from 0 to 65535' })
  @Min(0, { message: 'PORT must be an integer from 0 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 0 to 65535' })
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'DATABASE_URL must not be empty when set' })
  @Matches(/^postgres(ql)?:\/\//i, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'DATA_DIR must not be empty' })
  DATA_DIR = './data';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'JWT_SECRET_FILE must not be empty when set' })
  JWT_SECRET_FILE?: string;

  @IsDuration('JWT_EXPIRES_IN must be a duration such as 1h, 12h or 7d')
  @MaxDuration(JWT_MAX_LIFETIME_MS, 'JWT_EXPIRES_IN must be at most 30 days')
  JWT_EXPIRES_IN = '1d';

  @IsString()
  @MinLength(1, { message: 'JWT_ISSUER must be 1 to 255 characters' })
  @MaxLength(255, { message: 'JWT_ISSUER must be 1 to 255 characters' })
  JWT_ISSUER = 'invite-service';

  @toInt()
  @IsInt({ message: 'HASH_CONCURRENCY must be an integer from 1 to 1024' })
  @Min(1, { message: 'HASH_CONCURRENCY must be an integer from 1 to 1024' })
  @Max(1024, { message: 'HASH_CONCURRENCY must be an integer from 1 to 1024' })
  HASH_CONCURRENCY = availableParallelism();

  @toBool()
  @IsBoolean({ message: 'INVITES_ENABLED must be true or false' })
  INVITES_ENABLED = true;

  @toInt()
  @IsInt({ message: 'INVITES_LENGTH must be an integer from 6 to 64' })
  @Min(6, { message: 'INVITES_LENGTH must be an integer from 6 to 64' })
  @Max(64, { message: 'INVITES_LENGTH must be an integer from 6 to 64' })
  INVITES_LENGTH = 12;

  @toInt()
  @IsInt({ message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000' })
  @Min(1, { message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000' })
  @Max(10000, {
    message: 'INVITES_MAX_COUNT must be an integer from 1 to 10000',
  })
  INVITES_MAX_COUNT = 100;

  @toInt()
  @IsInt({
    message:
      'INVITES_CLEANUP_INTERVAL must be a whole number of seconds (0 = off)',
  })
  @Min(0, {
    message:
      'INVITES_CLEANUP_INTERVAL must be a whole number of seconds (0 = off)',
  })
  INVITES_CLEANUP_INTERVAL = 0;

  @toBool()
  @IsBoolean({ message: 'USER_REGISTRATION_ENABLED must be true or false' })
  USER_REGISTRATION_ENABLED = false;

  @toInt()
  @IsInt({ message: 'RATE_LIMIT_AUTH must be a whole number (0 = off)' })
  @Min(0, { message: 'RATE_LIMIT_AUTH must be a whole number (0 = off)' })
  RATE_LIMIT_AUTH = 20;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'REDIS_URL must not be empty when set' })
  @Matches(/^rediss?:\/\/\S*$/i, {
    message: 'REDIS_URL must be a redis:// or rediss:// URL',
  })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^\s,]+)(\s*,\s*https?:\/\/[^\s,]+)*$/, {
    message:
      'CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.com',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Matches(
    /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/,
    {
      message:
        'TRUST_PROXY must be false, a number of proxies, or a comma-separated list of proxy addresses/subnets',
    },
  )
  TRUST_PROXY = 'false';

  @toInt()
  @IsInt({
    message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  @Min(1, {
    message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  @Max(600, {
    message: 'SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  SHUTDOWN_TIMEOUT = 10;

  @IsIn(HTTP_PLATFORMS, {
    message: `HTTP_PLATFORM must be one of ${HTTP_PLATFORMS.join(', ')}`,
  })
  HTTP_PLATFORM: HttpPlatformName = 'express';

  @toInt()
  @IsInt({
    message:
      'HTTP_HEADERS_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  @Min(1, {
    message:
      'HTTP_HEADERS_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  @Max(600, {
    message:
      'HTTP_HEADERS_TIMEOUT must be a whole number of seconds from 1 to 600',
  })
  HTTP_HEADERS_TIMEOUT = 10;

  @toInt()
  @IsInt({
    message:
      'HTTP_REQUEST_TIMEOUT must be a whole number of seconds from 1 to 3600',
  })
  @Min(1, {
    message:
      'HTTP_REQUEST_TIMEOUT must be a whole number of seconds from 1 to 3600',
  })
  @Max(3600, {
    message:
      'HTTP_REQUEST_TIMEOUT must be a whole number of seconds from 1 to 3600',
  })
  HTTP_REQUEST_TIMEOUT = 30;
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message:
      'PUBLIC_URL must be an http(s) URL without query or fragment, such as https://invites.example.com',
  })
  PUBLIC_URL?: string;

  @toBool()
  @IsBoolean({ message: 'WEBHOOKS_ALLOW_PRIVATE must be true or false' })
  WEBHOOKS_ALLOW_PRIVATE = false;

  @toInt()
  @IsInt({
    message:
      'WEBHOOKS_RETRY_DELAY must be a whole number of seconds from 1 to 3600',
  })
  @Min(1, {
    message:
      'WEBHOOKS_RETRY_DELAY must be a whole number of seconds from 1 to 3600',
  })
  @Max(3600, {
    message:
      'WEBHOOKS_RETRY_DELAY must be a whole number of seconds from 1 to 3600',
  })
  WEBHOOKS_RETRY_DELAY = 5;

  @toBool()
  @IsBoolean({ message: 'WEBHOOKS_WORKER must be true or false' })
  WEBHOOKS_WORKER = true;

  @IsRetention()
  AUDIT_RETENTION = 'forever';

  @toBool()
  @IsBoolean({ message: 'METRICS_ENABLED must be true or false' })
  METRICS_ENABLED = true;

  @IsString()
  @MinLength(1, { message: 'ADMIN_USERNAME must not be empty' })
  @MaxLength(64, { message: 'ADMIN_USERNAME must be at most 64 characters' })
  @Matches(USERNAME_PATTERN, {
    message:
      'ADMIN_USERNAME must be 1..64 characters of A-Z a-z 0-9 . _ - (the rule for every username)',
  })
  ADMIN_USERNAME = 'administrator';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;
}

/**
 * Validates the raw environment. Empty strings count as unset, so `PORT=` in a
 * `.env` file means "use the default" rather than "port 0".
 * @throws ConfigValidationError whose message names the first bad variable.
 */
export function validateEnvironment(
  raw: Record<string, string | undefined>,
): EnvironmentVariables {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined && value !== '') present[key] = value;
  }
  for (const [alias, name] of Object.entries(ALIASES)) {
    if (present[name] === undefined && present[alias] !== undefined) {
      present[name] = present[alias];
    }
  }
  const env = plainToInstance(EnvironmentVariables, present, {
    excludeExtraneousValues: false,
  });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message =
      Object.values(first.constraints ?? {})[0] ??
      `${first.property} is invalid`;
    throw new ConfigValidationError(message);
  }
  if (
    env.NODE_ENV === 'production' &&
    !env.JWT_SECRET &&
    !env.JWT_SECRET_FILE
  ) {
    throw new ConfigValidationError(
      'JWT_SECRET must be set (at least 32 characters) when NODE_ENV=production',
    );
  }
  // `true` trusts any X-Forwarded-For, which every client can write: rate
  // limits would count whatever address the attacker names.
  if (env.TRUST_PROXY.trim().toLowerCase() === 'true') {
    throw new ConfigValidationError(
      'TRUST_PROXY=true is refused (clients can forge X-Forwarded-For): set the number of proxies in front of the service or their addresses/subnets',
    );
  }
  assertProxyAddresses(env.TRUST_PROXY);
  return env;
}

/**
 * A list of addresses and subnets must be one proxy-addr (which both
 * platforms use) can compile, checked here so that a typo stops start-up
 * with this line rather than a stack trace from the HTTP platform.
 */
function assertProxyAddresses(value: string): void {
  const setting = value.trim().toLowerCase();
  if (setting === 'false' || /^\d+$/.test(setting)) return;
  try {
    compileProxyAddresses(setting.split(',').map((part) => part.trim()));
  } catch (error) {
    throw new ConfigValidationError(
      `TRUST_PROXY must be false, a number of proxies, or proxy addresses/subnets (${(error as Error).message})`,
    );
  }
}
