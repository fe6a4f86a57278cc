/**
 * Account-wide lists that change slowly (popular tags, ticket fields) are read by a sidebar
 * that opens on every ticket, and popular tags have their own rate limit: keep one copy per
 * account in storage shared by all app instances in this browser for a while, and ask at
 * most once at a time. A failure is never cached.
 */
import type { KeyValueStore } from '../domain/sync/persistence';

export const ACCOUNT_CACHE_TTL_MS = 30 * 60 * 1000;

interface Stored<T> {
  at: number;
  value: T;
}

export function cachedPerAccount<T>(
  name: string,
  fetch: () => Promise<T>,
  store: KeyValueStore | undefined,
  account: string,
  now: () => number = Date.now,
  ttlMs = ACCOUNT_CACHE_TTL_MS,
  /** What a stored copy must look like: an old format or a corrupt copy is asked again, never used. */
  isValid: (value: unknown) => value is T = (value): value is T => value !== undefined,
): () => Promise<T> {
  const key = `tagwise:v1:${account}:${name}`;
  let inFlight: Promise<T> | null = null;

  function fromStore(): T | undefined {
    try {
      const raw = store?.getItem(key);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as Partial<Stored<unknown>> | null;
      if (!stored || typeof stored.at !== 'number' || now() - stored.at > ttlMs) return undefined;
      return isValid(stored.value) ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  return () => {
    const cached = fromStore();
    if (cached !== undefined) return Promise.resolve(cached);
    inFlight ??= fetch()
      .then((value) => {
        try {
          store?.setItem(key, JSON.stringify({ at: now(), value } satisfies Stored<T>));
        } catch {
          // Full or blocked storage: the answer still serves this instance.
        }
        return value;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
