/**
 * The sync engine: hands out one RecordSync per record and shares the account-wide
 * settings (backend, storage, retry policy, clock) between them.
 */
import { recordKey, type RecordRef, type Snapshot } from '../record';
import type { TagBackend } from './backend';
import type { KeyValueStore } from './persistence';
import { RecordSync } from './recordSync';
import { clampDelay, DEFAULT_POLICY, type RetryPolicy } from './retryPolicy';

export interface SyncEngineOptions {
  readonly backend: TagBackend;
  /** Where pending intents wait across reloads (localStorage or a cookie in the app). */
  readonly store?: KeyValueStore;
  /** The Zendesk subdomain: pending intents of one account never leak into another. */
  readonly account?: string;
  readonly policy?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly onUnexpected?: (error: unknown) => void;
  /**
   * The ticket's updated_at as the agent's screen shows it now, if the screen shows this
   * record. Lets a later safe write skip reading the ticket just for its stamp.
   */
  readonly screenStamp?: (ref: RecordRef) => Promise<string | undefined>;
  /** This app instance (ZAF's instanceGuid): the stored intents it writes are its own. */
  readonly instanceId?: string;
  /** The app instances open on this page (ZAF's `instances`), to tell whose stored intents are orphans. */
  readonly liveInstances?: () => Promise<ReadonlySet<string>>;
  /** A write of ours landed, or a read saw a change: other instances showing the record may refresh. */
  readonly onServerChange?: (ref: RecordRef, tags: readonly string[]) => void;
}

export interface SyncEngine {
  /** The record's handle; `initial` (from what the agent's screen already knows) saves a read. */
  open(ref: RecordRef, initial?: Snapshot): RecordSync;
  /** The record's open handle, if any. */
  find(ref: RecordRef): RecordSync | undefined;
  /** pagehide: send what waits at once and leave the stored intents to the next instance. */
  pagehide(): void;
  /** pageshow after pagehide (back/forward cache): the stored intents are this instance's again. */
  pageshow(): void;
  /** The page was hidden: send what waits for a quiet moment now. */
  hurryUp(): void;
  /** The browser's online event. */
  online(): void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, clampDelay(ms)));

function randomInstanceId(random: () => number): string {
  return `i${Math.floor(random() * 2 ** 48).toString(36)}${Date.now().toString(36)}`;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  let id = 0;
  const records = new Map<string, RecordSync>();
  const random = options.random ?? Math.random;
  const deps = {
    backend: options.backend,
    store: options.store,
    account: options.account ?? 'default',
    policy: { ...DEFAULT_POLICY, ...options.policy },
    sleep: options.sleep ?? realSleep,
    random,
    now: options.now ?? Date.now,
    nextId: () => ++id,
    onUnexpected: options.onUnexpected ?? ((error: unknown) => console.error('Tagwise sync:', error)),
    instanceId: options.instanceId ?? randomInstanceId(Math.random),
    ...(options.screenStamp ? { screenStamp: options.screenStamp } : {}),
    ...(options.liveInstances ? { liveInstances: options.liveInstances } : {}),
    ...(options.onServerChange ? { onServerChange: options.onServerChange } : {}),
  };
  const open = () => [...records.values()].filter((r) => !r.isClosed);
  return {
    open(ref, initial) {
      const key = recordKey(ref);
      const existing = records.get(key);
      // A closed handle is finished for good; whoever opens the record again gets a new one.
      if (existing && !existing.isClosed) return existing;
      const record = new RecordSync(ref, deps, initial);
      records.set(key, record);
      return record;
    },
    find(ref) {
      const record = records.get(recordKey(ref));
      return record && !record.isClosed ? record : undefined;
    },
    pagehide: () => open().forEach((r) => r.pagehide()),
    pageshow: () => open().forEach((r) => r.pageshow()),
    hurryUp: () => open().forEach((r) => r.hurryUp()),
    online: () => open().forEach((r) => r.online()),
  };
}
