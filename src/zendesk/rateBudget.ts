/**
 * How much of the account's API limit is left, as Zendesk reports it on every answer
 * (`X-Rate-Limit` / `X-Rate-Limit-Remaining`, or the `ratelimit-*` draft headers). Every app
 * instance of every agent draws on the same per-account budget, so when it runs low Tagwise
 * stops asking for what it can live without (suggestions, refreshes) and keeps what is left
 * for saving the agents' changes.
 */

/** Below this share of the limit left, only saves are sent. */
export const LOW_SHARE = 0.2;
/** How long a reading holds when the answer did not say when the window resets. */
const DEFAULT_RESET_MS = 60_000;

export interface RateReading {
  readonly limit: number;
  readonly remaining: number;
  /** When the reading stops counting (the window's reset, or a minute after it was read). */
  readonly until: number;
}

export interface RateBudget {
  /** Reads the rate-limit headers of one answer, a success or a failure. */
  observe(headers: Readonly<Record<string, string>> | undefined): void;
  /** True while the newest reading says under LOW_SHARE of the limit is left. */
  isLow(): boolean;
  /** Runs `listener` once when a low budget recovers (its reading expires or a new one is fine). */
  onRecovered(listener: () => void): () => void;
  /** How long the low reading still holds (0 when the budget is not low). */
  lowForMs(): number;
  reading(): RateReading | undefined;
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // The draft standard allows "700, 700;w=60": the first item is the one that applies.
  const n = Number(value.split(/[,;]/)[0]!.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Runs `run` after `ms`; the answer cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export function createRateBudget(now: () => number = Date.now, schedule: Schedule = realSchedule): RateBudget {
  let current: RateReading | undefined;
  const listeners = new Set<() => void>();
  let cancel: (() => void) | undefined;

  const low = () => current !== undefined && now() < current.until && current.remaining < current.limit * LOW_SHARE;

  function settle() {
    cancel?.();
    cancel = undefined;
    if (low()) {
      cancel = schedule(settle, Math.max(0, current!.until - now()));
      return;
    }
    const waiting = [...listeners];
    listeners.clear();
    for (const listener of waiting) listener();
  }

  return {
    observe(headers) {
      if (!headers) return;
      const limit = count(header(headers, 'x-rate-limit')) ?? count(header(headers, 'ratelimit-limit'));
      const remaining = count(header(headers, 'x-rate-limit-remaining')) ?? count(header(headers, 'ratelimit-remaining'));
      // An answer without both (the per-ticket update limiter's 429, endpoints with their own
      // limits) says nothing about the account's budget.
      if (limit === undefined || remaining === undefined || limit === 0) return;
      const reset = count(header(headers, 'ratelimit-reset'));
      current = { limit, remaining, until: now() + (reset !== undefined ? reset * 1000 : DEFAULT_RESET_MS) };
      settle();
    },
    isLow: low,
    onRecovered(listener) {
      if (!low()) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lowForMs: () => (low() ? current!.until - now() : 0),
    reading: () => current,
  };
}
