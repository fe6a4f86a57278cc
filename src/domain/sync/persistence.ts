/**
 * Pending intents outlive a reload: they are written to a key-value store (localStorage in
 * the app) until the server confirms them. Only intents are stored, never the confirmed
 * state, which must always come from the server.
 */
import type { Intent, IntentOp } from './intents';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface StoredIntent {
  tag: string;
  op: IntentOp;
  changeId: number;
}

const VERSION = 1;

export function storageKey(account: string, record: string): string {
  return `tagwise:v${VERSION}:${account}:${record}`;
}

export function saveIntents(store: KeyValueStore | undefined, key: string, intents: Iterable<Intent>): void {
  if (!store) return;
  const list: StoredIntent[] = [...intents].map(({ tag, op, changeId }) => ({ tag, op, changeId }));
  try {
    if (list.length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ v: VERSION, intents: list }));
  } catch {
    // Storage full or blocked (private mode): the intents still live in memory.
  }
}

export function loadIntents(store: KeyValueStore | undefined, key: string): StoredIntent[] {
  if (!store) return [];
  try {
    const raw = store.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    const list = (parsed as { intents?: unknown }).intents;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (item): item is StoredIntent =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as StoredIntent).tag === 'string' &&
        ((item as StoredIntent).op === 'add' || (item as StoredIntent).op === 'remove') &&
        typeof (item as StoredIntent).changeId === 'number',
    );
  } catch {
    return [];
  }
}
