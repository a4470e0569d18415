const RETRY_BASE_MS = 60_000;
const RETRY_CAP_MS = 6 * 60 * 60_000;

/**
 * The wait before the next attempt after `attempts` failed ones, for outbox messages and
 * scheduled jobs alike: 1 min × 2^attempts, capped at 6 h, then "equal jitter" (between half
 * and all of it) so that work which failed together (an outage) does not all come back in the
 * same second. `random` is a number in [0, 1).
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts), RETRY_CAP_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
