import type { components } from '../../test/generated/openapi';

/**
 * The API's shapes the pages use: the types generated from openapi.json
 * (`npm run openapi:types`), so a change of the contract breaks the pages'
 * type check, plus the few shapes the document does not name.
 */
type Schemas = components['schemas'];

/** Every error body: `error` is the sentence to show. */
export type ApiErrorBody = Schemas['ErrorResponseDto'];
export type User = Schemas['UserResponse'];
/** POST /api/auth/login and /api/auth/register answer this. */
export type Session = Schemas['SessionResponse'];
export type Invite = Schemas['InviteResponse'];
/** POST /api/auth/invite body; `expiresAt` takes a duration, an ISO date or "never". */
export type CreateInvitesBody = Schemas['CreateInviteBody'];
/** PATCH /api/auth/invite/:id body: an absent key keeps its value. */
export type UpdateInviteBody = Schemas['UpdateInviteBody'];
/** GET /api/auth/register/invite?code= (public). */
export type InviteLookup = Schemas['InviteLookupResponse'];

/** GET /api/auth/invite query filters. */
export interface InviteFilters {
  used?: boolean;
  expired?: boolean;
  revoked?: boolean;
  valid?: boolean;
  createdById?: number;
  code?: string;
}

export interface RegisterBody {
  username: string;
  password: string;
  code?: string;
}

/** The registration rules of API.md, shown before submitting. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const USERNAME_MAX = 64;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const NOTE_MAX = 500;
