/**
 * Pending intents outlive a reload: they are written to a key-value store (localStorage, or a
 * cookie where the frame may not use it) until the server confirms them. Only intents are
 * stored, never the confirmed state, which must always come from the server.
 *
 * Several app instances may show one record (two ticket tabs with the same requester), so each
 * instance keeps its own entry and never writes another's. A new instance adopts only entries
 * whose owner is gone: marked as left on pagehide, or not among the live instances and not
 * written for a while (a page that died without pagehide).
 */
import { parseTagInput } from '../normalize';
import type { Intent, IntentOp } from './intents';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Every key held; without it only this instance's entry and the old format are found. */
  keys?(): string[];
}

export interface StoredIntent {
  readonly tag: string;
  readonly op: IntentOp;
  readonly changeId: number;
  /** When the agent made it (the owner's clock): the newest of two adopted entries wins. */
  readonly at: number;
}

interface Entry {
  v: 2;
  /** Last write by the owner. */
  at: number;
  /** The owner's page went away (pagehide): anyone may adopt the entry at once. */
  left?: boolean;
  intents: StoredIntent[];
}

const VERSION = 2;
/** An entry not written for this long, by an instance not live on this page, is adopted. */
export const ABANDONED_AFTER_MS = 60_000;

function recordPrefix(account: string, record: string): string {
  return `tagwise:v${VERSION}:${account}:${record}:`;
}

export function storageKey(account: string, record: string, instance: string): string {
  return recordPrefix(account, record) + instance;
}

/** The key of the first format: one entry per record, shared by every instance. */
export function legacyKey(account: string, record: string): string {
  return `tagwise:v1:${account}:${record}`;
}

export function saveIntents(store: KeyValueStore | undefined, key: string, intents: Iterable<Intent>, now: number, left = false): boolean {
  if (!store) return false;
  const list: StoredIntent[] = [];
  for (const { tag, op, changeId, madeAt } of intents) list.push({ tag, op, changeId, at: madeAt });
  try {
    if (list.length === 0) {
      store.removeItem(key);
      return true;
    }
    store.setItem(key, JSON.stringify({ v: VERSION, at: now, ...(left ? { left: true } : {}), intents: list } satisfies Entry));
    return true;
  } catch {
    // Storage full or blocked: the intents still live in memory.
    return false;
  }
}

function isStoredIntent(item: unknown): item is { tag: string; op: IntentOp; changeId: number; at?: unknown } {
  if (typeof item !== 'object' || item === null) return false;
  const { tag, op, changeId } = item as Record<string, unknown>;
  return typeof tag === 'string' && (op === 'add' || op === 'remove') && typeof changeId === 'number';
}

function parseEntry(raw: string | null): { at: number; left: boolean; intents: StoredIntent[] } | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { at?: unknown; left?: unknown; intents?: unknown } | null;
    if (!parsed || !Array.isArray(parsed.intents)) return undefined;
    const at = typeof parsed.at === 'number' ? parsed.at : 0;
    const intents = parsed.intents.filter(isStoredIntent).map((i) => ({ tag: i.tag, op: i.op, changeId: i.changeId, at: typeof i.at === 'number' ? i.at : at }));
    return { at, left: parsed.left === true, intents };
  } catch {
    return undefined;
  }
}

/** A stored tag is used only as it is: one valid tag, never re-split or re-normalised. */
export function isStorableTag(tag: string): boolean {
  const parsed = parseTagInput(tag);
  return parsed.rejected.length === 0 && parsed.tags.length === 1 && parsed.tags[0] === tag;
}

export interface Adopted {
  /** Newest intent per tag across the adopted entries. */
  readonly intents: StoredIntent[];
  /** Stored tags that are no tag at all (too long, several words, not normalised). */
  readonly invalid: StoredIntent[];
}

export interface StoredEntries {
  /** Entries whose owner is surely gone: the old format, or marked as left on pagehide. */
  readonly gone: string[];
  /** Entries not written for a while: gone unless their owner is still among the live instances. */
  readonly stale: { readonly key: string; readonly owner: string }[];
}

/** The other instances' entries for a record that a new instance may take over. */
export function findStoredEntries(store: KeyValueStore | undefined, account: string, record: string, own: string, now: number): StoredEntries {
  const gone: string[] = [];
  const stale: { key: string; owner: string }[] = [];
  if (!store) return { gone, stale };
  const prefix = recordPrefix(account, record);
  const keys = [legacyKey(account, record)];
  try {
    for (const key of store.keys?.() ?? []) if (key.startsWith(prefix) && key !== prefix + own) keys.push(key);
  } catch {
    // A store that cannot list its keys: the old format and our own entry are all we can find.
  }
  // Our own key holds what this instance stored before its frame was reloaded (Zendesk keeps
  // the guid across a reload of the app's frame): ours again, whatever its age.
  keys.push(prefix + own);
  for (const key of keys) {
    let entry: ReturnType<typeof parseEntry>;
    try {
      entry = parseEntry(store.getItem(key));
    } catch {
      continue;
    }
    if (!entry) continue;
    if (!key.startsWith(prefix) || entry.left || key === prefix + own) gone.push(key);
    else if (now - entry.at > ABANDONED_AFTER_MS) stale.push({ key, owner: key.slice(prefix.length) });
  }
  return { gone, stale };
}

/**
 * Takes over the given entries and removes them: from now on the caller owns those intents and
 * stores them under its own key.
 */
export function adoptIntents(store: KeyValueStore | undefined, keys: readonly string[]): Adopted {
  if (!store) return { intents: [], invalid: [] };
  const newest = new Map<string, StoredIntent>();
  const invalid: StoredIntent[] = [];
  for (const key of keys) {
    let entry: ReturnType<typeof parseEntry>;
    try {
      entry = parseEntry(store.getItem(key));
    } catch {
      continue;
    }
    if (!entry) continue;
    for (const intent of entry.intents) {
      if (!isStorableTag(intent.tag)) {
        invalid.push(intent);
        continue;
      }
      const seen = newest.get(intent.tag);
      if (!seen || intent.at >= seen.at) newest.set(intent.tag, intent);
    }
    try {
      store.removeItem(key);
    } catch {
      // Could not remove: another instance may adopt it too; replays are checked against the server.
    }
  }
  return { intents: [...newest.values()].sort((a, b) => a.at - b.at), invalid };
}
