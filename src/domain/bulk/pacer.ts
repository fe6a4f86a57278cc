/**
 * Paces a bulk run under the account's rate limit, which it shares with every agent and
 * integration: the run uses at most `ownShare` of the limit in any sliding minute, never takes
 * the account's remaining budget below `keepFree` of the limit (it waits for the window to
 * reset instead), and after a 429 waits what Retry-After says. The limit is read from the
 * answers' headers; until one arrives, `assumedLimit` (the smallest plan's) stands in.
 */

/** What an answer's rate-limit headers said. */
export interface RateInfo {
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the window frees budget again. */
  readonly resetSeconds?: number;
}

export interface PacerOptions {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** Share of the account's per-minute limit the run may use (default 0.5). */
  readonly ownShare?: number;
  /** Share of the limit the run leaves free for others, whatever it used itself (default 0.2). */
  readonly keepFree?: number;
  /** Requests per minute assumed until an answer names the limit (default 200, Zendesk Team). */
  readonly assumedLimit?: number;
}

export interface Pacer {
  /** Waits until one more request fits; then counts it as sent. */
  beforeRequest(): Promise<void>;
  /** Takes in what an answer said about the budget. */
  observe(rate: RateInfo | undefined): void;
  /** After a 429: nothing is sent until Retry-After has passed. */
  rateLimited(retryAfterSeconds: number): void;
  /** Total time the pacer made the run wait, in ms. */
  readonly waitedMs: number;
}

const MINUTE = 60_000;

export function createPacer(options: PacerOptions): Pacer {
  const ownShare = options.ownShare ?? 0.5;
  const keepFree = options.keepFree ?? 0.2;
  let limit = options.assumedLimit ?? 200;
  let remaining: number | undefined;
  let freeAt = 0;
  let blockedUntil = 0;
  const sent: number[] = [];
  let waitedMs = 0;

  async function wait(ms: number) {
    if (ms <= 0) return;
    waitedMs += ms;
    await options.sleep(ms);
  }

  return {
    get waitedMs() {
      return waitedMs;
    },
    async beforeRequest() {
      for (;;) {
        const t = options.now();
        while (sent.length && (sent[0] ?? 0) <= t - MINUTE) sent.shift();
        if (blockedUntil > t) {
          await wait(blockedUntil - t);
          continue;
        }
        // The account as a whole is low: let the window refill before adding to it.
        if (remaining !== undefined && remaining <= Math.floor(limit * keepFree) && freeAt > t) {
          await wait(freeAt - t);
          remaining = undefined;
          continue;
        }
        const own = Math.max(1, Math.floor(limit * ownShare));
        if (sent.length >= own) {
          await wait((sent[0] ?? t) + MINUTE - t);
          continue;
        }
        sent.push(t);
        if (remaining !== undefined) remaining -= 1;
        return;
      }
    },
    observe(rate) {
      if (!rate) return;
      if (rate.limit !== undefined && rate.limit > 0) limit = rate.limit;
      if (rate.remaining !== undefined) remaining = rate.remaining;
      if (rate.resetSeconds !== undefined) freeAt = options.now() + rate.resetSeconds * 1000;
    },
    rateLimited(retryAfterSeconds) {
      blockedUntil = Math.max(blockedUntil, options.now() + Math.max(1, retryAfterSeconds) * 1000);
    },
  };
}
