import type { KeyValueStore } from '../domain/sync/persistence';

/**
 * localStorage, when the iframe may use it. Browsers that block third-party cookies refuse it
 * in the app's frame (Zendesk serves apps from another site); then `intentStore` falls back to
 * a partitioned cookie, which they still accept.
 */
export function browserStore(): KeyValueStore | undefined {
  try {
    const store = window.localStorage;
    const probe = '__tagwise_probe__';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return {
      getItem: (key) => store.getItem(key),
      setItem: (key, value) => store.setItem(key, value),
      removeItem: (key) => store.removeItem(key),
      keys: () => {
        const out: string[] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key !== null) out.push(key);
        }
        return out;
      },
    };
  } catch {
    return undefined;
  }
}

const COOKIE_PREFIX = 'tw_';
/** Browsers keep about 4096 bytes per cookie, name and attributes included. */
export const MAX_COOKIE_BYTES = 4000;
const ATTRIBUTES = '; Path=/; Max-Age=2592000; Secure; SameSite=None; Partitioned';

/** A store over CHIPS cookies (`Partitioned; Secure; SameSite=None`): small, but kept across reloads. */
export function cookieStore(doc: Pick<Document, 'cookie'> = document): KeyValueStore | undefined {
  const read = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const part of doc.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const name = part.slice(0, eq).trim();
      if (!name.startsWith(COOKIE_PREFIX)) continue;
      try {
        out.set(decodeURIComponent(name.slice(COOKIE_PREFIX.length)), decodeURIComponent(part.slice(eq + 1).trim()));
      } catch {
        // Not one of ours after all.
      }
    }
    return out;
  };
  const store: KeyValueStore = {
    getItem: (key) => read().get(key) ?? null,
    setItem: (key, value) => {
      // Encoding never makes text shorter: a value over the limit as it is fails before the
      // cost of encoding it (a paste of 10,000 tags is half a megabyte).
      if (key.length + value.length > MAX_COOKIE_BYTES) throw new RangeError('Too large for a cookie');
      const cookie = `${COOKIE_PREFIX}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
      // Too big for one cookie: fail as a full localStorage does; the caller says it is not kept.
      if (new TextEncoder().encode(cookie + ATTRIBUTES).length > MAX_COOKIE_BYTES) throw new RangeError('Too large for a cookie');
      doc.cookie = cookie + ATTRIBUTES;
      if (read().get(key) !== value) throw new Error('The browser refused the cookie');
    },
    removeItem: (key) => {
      doc.cookie = `${COOKIE_PREFIX}${encodeURIComponent(key)}=; Path=/; Max-Age=0; Secure; SameSite=None; Partitioned`;
    },
    keys: () => [...read().keys()],
  };
  try {
    store.setItem('probe', '1');
    store.removeItem('probe');
    return store;
  } catch {
    return undefined;
  }
}

/** Where pending intents wait across reloads: localStorage, else a cookie, else nowhere. */
export function intentStore(): KeyValueStore | undefined {
  return browserStore() ?? (typeof document === 'undefined' ? undefined : cookieStore());
}
