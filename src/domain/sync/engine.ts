/**
 * The sync engine: hands out one RecordSync per record and shares the account-wide
 * settings (backend, storage, retry policy, clock) between them.
 */
import { recordKey, type RecordRef, type Snapshot } from '../record';
import type { TagBackend } from './backend';
import type { KeyValueStore } from './persistence';
import { RecordSync } from './recordSync';
import { DEFAULT_POLICY, type RetryPolicy } from './retryPolicy';

export interface SyncEngineOptions {
  readonly backend: TagBackend;
  /** Where pending intents wait across reloads (localStorage in the app). */
  readonly store?: KeyValueStore;
  /** The Zendesk subdomain: pending intents of one account never leak into another. */
  readonly account?: string;
  readonly policy?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onUnexpected?: (error: unknown) => void;
  /**
   * The ticket's updated_at as the agent's screen shows it now, if the screen shows this
   * record. Lets a later safe write skip reading the ticket just for its stamp.
   */
  readonly screenStamp?: (ref: RecordRef) => Promise<string | undefined>;
}

export interface SyncEngine {
  /** The record's handle; `initial` (from what the agent's screen already knows) saves a read. */
  open(ref: RecordRef, initial?: Snapshot): RecordSync;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  let id = 0;
  const records = new Map<string, RecordSync>();
  const deps = {
    backend: options.backend,
    store: options.store,
    account: options.account ?? 'default',
    policy: { ...DEFAULT_POLICY, ...options.policy },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    nextId: () => ++id,
    onUnexpected: options.onUnexpected ?? ((error: unknown) => console.error('Tagwise sync:', error)),
    ...(options.screenStamp ? { screenStamp: options.screenStamp } : {}),
  };
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
  };
}
