import { SetMetadata } from '@nestjs/common';

export const API_KEY_SCOPES = [
  'invites:read',
  'invites:write',
  'users:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** `invites`: GET and HEAD need invites:read, every other method invites:write. */
export type RequiredScopeValue = ApiKeyScope | 'invites';

export const REQUIRED_SCOPE_KEY = 'apiKeyRequiredScope';

/**
 * Opens a route (or a controller) to API keys holding the scope. Routes
 * without it are closed to keys altogether: keys, webhooks, audit, /me.
 * The handler's value wins over the controller's.
 */
export const RequiredScope = (scope: RequiredScopeValue) =>
  SetMetadata(REQUIRED_SCOPE_KEY, scope);

/**
 * The scopes that open a route needing each scope. invites:write opens
 * every invite route, an invite's users included; invites:read does not
 * open those, since they list people rather than invites.
 */
const SATISFIED_BY: Record<ApiKeyScope, ApiKeyScope[]> = {
  'invites:read': ['invites:read', 'invites:write'],
  'invites:write': ['invites:write'],
  'users:read': ['users:read', 'invites:write'],
};

/** Whether a key with `granted` may call a route that requires `required` with `method`. */
export function scopeAllows(
  required: RequiredScopeValue | undefined,
  method: string,
  granted: readonly string[],
): boolean {
  if (required === undefined) return false;
  const needed: ApiKeyScope =
    required === 'invites'
      ? method === 'GET' || method === 'HEAD'
        ? 'invites:read'
        : 'invites:write'
      : required;
  return SATISFIED_BY[needed].some((scope) => granted.includes(scope));
}
