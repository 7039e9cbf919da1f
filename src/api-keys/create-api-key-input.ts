import { parseExpiry } from '../invites/expiry';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scopes';
import { InvalidNameError, InvalidScopesError } from './api-keys.errors';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';

export interface CreateApiKeyInput {
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

export function parseName(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidNameError();
  const name = value.trim();
  if (name.length < 1 || name.length > 100) throw new InvalidNameError();
  return name;
}

/** In the order name, scopes, expiresAt. */
export function parseCreateApiKeyInput(
  body: CreateApiKeyDto,
  now: Date,
): CreateApiKeyInput {
  return {
    name: parseName(body.name),
    scopes: parseScopes(body.scopes),
    expiresAt: parseExpiry(body.expiresAt, now),
  };
}
