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
