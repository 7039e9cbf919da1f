import { isStorableText } from '../database/postgres-text';
import { parseExpiry } from '../invites/expiry';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scopes';
import { InvalidNameError, InvalidScopesError } from './api-keys.errors';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';

const NAME_MAX_LENGTH = 100;

export interface CreateApiKeyInput {
  /** When the request was read: the key's createdAt, which a duration counts from. */
  createdAt: Date;
  name: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
}

export function parseScopes(value: unknown): ApiKeyScope[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every(
      (scope): scope is ApiKeyScope =>
        typeof scope === 'string' &&
        (API_KEY_SCOPES as readonly string[]).includes(scope),
    )
  ) {
    throw new InvalidScopesError();
  }
  return [...new Set(value)].sort();
}

/** 1..100 characters (code points, as a note's), trimmed; PostgreSQL text cannot hold NUL. */
export function parseName(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidNameError();
  const name = value.trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX_LENGTH || !isStorableText(name))
    throw new InvalidNameError();
  return name;
}

/** In the order name, scopes, expiresAt. */
export function parseCreateApiKeyInput(
  body: CreateApiKeyDto,
  now: Date,
): CreateApiKeyInput {
  return {
    createdAt: now,
    name: parseName(body.name),
    scopes: parseScopes(body.scopes),
    expiresAt: parseExpiry(body.expiresAt, now),
  };
}
