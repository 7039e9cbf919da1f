/** Deliveries are retried for this long after the first attempt, then abandoned. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_SECONDS = 3600;

/**
 * Seconds before attempt `attempt + 1`: about `base` after the first
 * failure, doubling each time, capped at an hour, with ±25 % jitter so that
 * the retries of many events do not arrive together.
 */
export function retryDelaySeconds(
  attempt: number,
  baseSeconds: number,
  random: () => number = Math.random,
): number {
  const delay = Math.min(
    baseSeconds * 2 ** Math.min(attempt - 1, 30),
    MAX_DELAY_SECONDS,
  );
  return Math.max(1, Math.round(delay * (0.75 + random() * 0.5)));
}
