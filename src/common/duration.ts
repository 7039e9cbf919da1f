import ms from 'ms';

/** Longer than any duration worth writing (`ms` itself stops at 100). */
const MAX_DURATION_LENGTH = 100;

/**
 * A duration such as `30min`, `1.5h`, `2 hours` or `1 day`, in milliseconds,
 * or null when the text is not one. Units are required: a bare `5` is too
 * ambiguous (seconds? days?) for something that decides when an invite dies.
 * Parsing is delegated to `ms`, which knows ms, s, m/min, h, d, w, y and
 * their long forms, case-insensitively.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  // Bounded first, and one way to match each digit: a body-sized run of
  // digits must not cost the event loop seconds of backtracking.
  if (trimmed.length > MAX_DURATION_LENGTH) return null;
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)\s*[a-z]+$/i.test(trimmed)) return null;
  const millis = ms(trimmed as ms.StringValue);
  if (typeof millis !== 'number' || !Number.isFinite(millis) || millis <= 0) {
    return null;
  }
  return millis;
}
