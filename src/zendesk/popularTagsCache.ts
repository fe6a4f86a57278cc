/**
 * Popular tags change slowly and their list has its own rate limit, while the sidebar opens
 * on every ticket: keep one copy per account in storage shared by all app instances (every
 * sidebar of the account in this browser) for a while, and ask at most once at a time.
 */
import type { KeyValueStore } from '../domain/sync/persistence';
import type { PopularTag, ZendeskApi } from './api';

export const POPULAR_TTL_MS = 30 * 60 * 1000;

interface Stored {
  at: number;
  tags: PopularTag[];
}

export function cachedPopularTags(
  api: Pick<ZendeskApi, 'popularTags'>,
  store: KeyValueStore | undefined,
  account: string,
  now: () => number = Date.now,
  ttlMs = POPULAR_TTL_MS,
): () => Promise<PopularTag[]> {
  const key = `tagwise:v1:${account}:popular-tags`;
  let inFlight: Promise<PopularTag[]> | null = null;

  function fromStore(): PopularTag[] | null {
    try {
      const raw = store?.getItem(key);
      if (!raw) return null;
      const stored = JSON.parse(raw) as Stored;
      if (typeof stored.at !== 'number' || !Array.isArray(stored.tags) || now() - stored.at > ttlMs) return null;
      return stored.tags;
    } catch {
      return null;
    }
  }

  return () => {
    const cached = fromStore();
    if (cached) return Promise.resolve(cached);
    inFlight ??= api
      .popularTags()
      .then((tags) => {
        try {
          store?.setItem(key, JSON.stringify({ at: now(), tags } satisfies Stored));
        } catch {
          // Full or blocked storage: the answer still serves this instance.
        }
        return tags;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
