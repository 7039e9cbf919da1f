/**
 * The API's shapes the pages use, written by hand from shared API.md
 * ("Invites", "Public invite lookup and pages", "Authentication") until the
 * routes they need are in openapi.json; then they become re-exports of the
 * generated types (test/generated/openapi.d.ts).
 */

/** Every error body: `error` is the sentence to show. */
export interface ApiErrorBody {
  error: string;
  code: number;
  [extra: string]: unknown;
}

export interface User {
  id: number;
  username: string;
  administrator: boolean;
  createdAt: string;
  inviteId: number | null;
}

/** POST /api/auth/login and /api/auth/register answer this. */
export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export interface Invite {
  id: number;
  code: string;
  createdAt: string;
  expiresAt: string | null;
  used: boolean;
  createdById: number;
  uses: number;
  maxUses: number | null;
  note: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  valid: boolean;
  url: string;
}

/** POST /api/auth/invite body; `expiresAt` takes a duration, an ISO date or "never". */
export interface CreateInvitesBody {
  count?: number;
  expiresAt?: string | null;
  maxUses?: number | null;
  note?: string | null;
}

/** PATCH /api/auth/invite/:id body: an absent key keeps its value. */
export interface UpdateInviteBody {
  expiresAt?: string | null;
  maxUses?: number | null;
  note?: string | null;
}

/** GET /api/auth/invite query filters. */
export interface InviteFilters {
  used?: boolean;
  expired?: boolean;
  revoked?: boolean;
  valid?: boolean;
  createdById?: number;
  code?: string;
}

/** GET /api/auth/register/invite?code= (public). */
export interface InviteLookup {
  code: string;
  expiresAt: string | null;
  remainingUses: number | null;
  inviter: { username: string };
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
