import type { Session } from '../api-types';

/**
 * sessionStorage, not localStorage: the token dies with the tab. The console
 * and the invite page each keep their own, so a newcomer registered from a
 * link opened in the console's tab leaves the administrator logged in there.
 */
export type SessionSlot = 'console' | 'invitee';

const KEYS: Record<SessionSlot, string> = {
  console: 'invite-service.session',
  invitee: 'invite-service.invitee-session',
};

export function loadSession(slot: SessionSlot): Session | null {
  try {
    const raw = sessionStorage.getItem(KEYS[slot]);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(slot: SessionSlot, session: Session): void {
  sessionStorage.setItem(KEYS[slot], JSON.stringify(session));
}

export function clearSession(slot: SessionSlot): void {
  sessionStorage.removeItem(KEYS[slot]);
}
