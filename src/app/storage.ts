import type { KeyValueStore } from '../domain/sync/persistence';

/**
 * localStorage, when the iframe may use it. Some browsers block it in third-party frames;
 * then pending intents live in memory only.
 */
export function browserStore(): KeyValueStore | undefined {
  try {
    const store = window.localStorage;
    const probe = '__tagwise_probe__';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return undefined;
  }
}
