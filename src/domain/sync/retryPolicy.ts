/** How hard the engine tries before it tells the agent a change is not saved. */
export interface RetryPolicy {
  /** Quiet time after an intent before the batch goes out, so a burst becomes one write. */
  readonly coalesceMs: number;
  /** The longest a burst is held back before it goes out anyway. */
  readonly maxCoalesceMs: number;
  /** Refetch-rebase-retry rounds after 409s, per batch. */
  readonly maxConflictRetries: number;
  /** Waits for Retry-After, per batch. */
  readonly maxRateLimitWaits: number;
  /** Delays before each retry after a 5xx, network error or timeout; its length bounds the retries. */
  readonly backoffMs: readonly number[];
  /** How long someone else's change stays marked on screen. */
  readonly markMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  coalesceMs: 300,
  maxCoalesceMs: 2000,
  maxConflictRetries: 6,
  maxRateLimitWaits: 5,
  backoffMs: [500, 1500, 4000],
  markMs: 6000,
};

/** Full jitter keeps agents who hit the same conflict from retrying in lockstep. */
export function jittered(ms: number, random: () => number): number {
  return Math.round(ms / 2 + random() * (ms / 2));
}

/** Zendesk's limits are per minute; a longer Retry-After is waited in steps of this (and retried). */
export const MAX_RETRY_AFTER_S = 120;
/** setTimeout fires at once for delays past 2^31 - 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function clampDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_TIMER_MS) : MAX_TIMER_MS;
}

/** How long to wait after a 429: what Zendesk asked (10 s when it did not say), capped. */
export function retryAfterMs(seconds: number | undefined): number {
  const asked = seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds : 10;
  return Math.min(asked, MAX_RETRY_AFTER_S) * 1000;
}
