/**
 * Account-wide lists that change slowly (popular tags, ticket fields, settings) are read by a
 * sidebar that opens on every ticket, and every agent's requests draw on one account budget:
 * keep one copy per account for a few hours, in this instance's memory, in storage shared by
 * the app instances of this browser when the browser allows it, and with the other app
 * instances of the agent's session through ZAF (`peers`) when it does not. Ask Zendesk at
 * most once at a time, and only when no one holds a fresh copy. A failure is never cached.
 */
import type { KeyValueStore } from '../domain/sync/persistence';

/**
 * Long enough that an agent's shift costs each list a couple of requests (with 15 tickets an
 * hour, a request per list per 4 h is 0.017 a ticket), short enough that a new field option
 * or a new popular tag shows the same morning.
 */
export const ACCOUNT_CACHE_TTL_MS = 4 * 60 * 60 * 1000;

export interface Stored<T> {
  at: number;
  value: T;
}

/** Other app instances of this agent's session, reached through ZAF (see src/app/accountPeers). */
export interface AccountPeers {
  /** A copy at most `maxAgeMs` old that this or another instance holds, else undefined. */
  ask(key: string, maxAgeMs: number): Promise<Stored<unknown> | undefined>;
  /** Keeps `entry` for this and the other instances, so the next one need not ask Zendesk. */
  offer(key: string, entry: Stored<unknown>): void;
}

export function accountKey(account: string, name: string): string {
  return `tagwise:v1:${account}:${name}`;
}

export function cachedPerAccount<T>(
  name: string,
  fetch: () => Promise<T>,
  store: KeyValueStore | undefined,
  account: string,
  now: () => number = Date.now,
  ttlMs = ACCOUNT_CACHE_TTL_MS,
  /** What a stored or shared copy must look like: an old format or a corrupt copy is asked again, never used. */
  isValid: (value: unknown) => value is T = (value): value is T => value !== undefined,
  peers?: AccountPeers,
): CachedPerAccount<T> {
  const key = accountKey(account, name);
  let inFlight: Promise<T> | null = null;
  let memory: Stored<T> | undefined;

  const fresh = (entry: Partial<Stored<unknown>> | null | undefined): entry is Stored<T> =>
    !!entry && typeof entry.at === 'number' && now() - entry.at <= ttlMs && isValid(entry.value);

  function fromStore(): Stored<T> | undefined {
    try {
      const raw = store?.getItem(key);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as Partial<Stored<unknown>> | null;
      return fresh(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  function keep(entry: Stored<T>) {
    memory = entry;
    try {
      store?.setItem(key, JSON.stringify(entry));
    } catch {
      // Full or blocked storage: the answer still serves this instance and its peers.
    }
  }

  async function load(): Promise<T> {
    const shared = await peers?.ask(key, ttlMs).catch(() => undefined);
    if (fresh(shared)) {
      keep(shared);
      return shared.value;
    }
    const entry = { at: now(), value: await fetch() };
    keep(entry);
    peers?.offer(key, entry);
    return entry.value;
  }

  const get = (): Promise<T> => {
    if (fresh(memory)) return Promise.resolve(memory.value);
    const stored = fromStore();
    if (stored) {
      memory = stored;
      return Promise.resolve(stored.value);
    }
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  // Asks Zendesk anew (not the peers or the store) and keeps the answer for everyone.
  const refresh = async (): Promise<T> => {
    const entry = { at: now(), value: await fetch() };
    keep(entry);
    peers?.offer(key, entry);
    return entry.value;
  };
  return Object.assign(get, { refresh });
}

/** The cached value, or one fetch shared by all who ask meanwhile; `refresh` asks anew and keeps that. */
export interface CachedPerAccount<T> {
  (): Promise<T>;
  refresh(): Promise<T>;
}
