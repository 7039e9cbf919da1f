import type { Invite } from '../api-types';

export type InviteStatus = 'valid' | 'used' | 'expired' | 'revoked';

/**
 * One word per invite. Revoked wins (an administrator's decision), then
 * used up, then expired; `valid` is the server's own verdict.
 */
export function statusOf(invite: Invite, now = Date.now()): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.used) return 'used';
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return 'expired';
  return invite.valid ? 'valid' : 'expired';
}
