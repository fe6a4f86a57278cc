/**
 * One record's tags, kept in step with Zendesk.
 *
 * State: what the server last confirmed (tags, and for tickets the stamp) plus the agent's
 * intent log. The screen shows the intents replayed on the confirmed state; the confirmed
 * state changes only from a server answer. All server work for a record runs one step at a
 * time on `chain`, so answers are applied in the order they were asked for.
 *
 * An intent is settled only by an answer that proves it. After a write whose outcome is
 * unknown (timeout, 5xx, no connection, an answer that does not prove it) the record is read
 * before the next write is planned, so a change of mind made meanwhile is judged against
 * what the server holds, not against the state from before the write.
 */
import { ApiError, asApiError } from '../errors';
import { recordKey, type RecordRef, type Snapshot } from '../record';
import type { TagBackend } from './backend';
import { changeNotice, markFailed, refuse, resolve, supersede } from './changeNotices';
import { planBatch, replay, withIntent, type Intent, type IntentOp, type IntentState } from './intents';
import { adoptIntents, findStoredEntries, saveIntents, storageKey, type KeyValueStore } from './persistence';
import { clampDelay, jittered, retryAfterMs, type RetryPolicy } from './retryPolicy';
import { newerStamp } from './stamps';
import type { ChangeSummary, Notice, ReadOnlyReason, RecordHandle, RecordView } from './view';

export interface RecordSyncDeps {
  readonly backend: TagBackend;
  readonly store: KeyValueStore | undefined;
  readonly account: string;
  readonly policy: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  /** Ids unique across the engine, so notices of several records never collide. */
  readonly nextId: () => number;
  readonly onUnexpected: (error: unknown) => void;
  readonly screenStamp?: (ref: RecordRef) => Promise<string | undefined>;
  /** This app instance: its stored intents are its own. */
  readonly instanceId: string;
  /** The app instances open on this page, when the host can say. */
  readonly liveInstances?: () => Promise<ReadonlySet<string>>;
  /** Called after a write landed or a read saw news, so other instances can refresh. */
  readonly onServerChange?: (ref: RecordRef, tags: readonly string[]) => void;
  /** A request failed for want of a connection / one succeeded again. */
  readonly onConnectivity?: (online: boolean) => void;
}

interface Confirmed {
  readonly tags: readonly string[];
  readonly stamp: string | undefined;
  /** False once our own write has moved the ticket's updated_at past `stamp`. */
  readonly fresh: boolean;
  /** Seen on the agent's screen, not yet confirmed by a server answer. */
  readonly provisional: boolean;
  /** The stamp came from the agent's screen after our own write, not from the server. */
  readonly stampFromScreen?: boolean;
}

const MAX_NOTICES = 5;
/** Probes while offline: quick at first, then about once a minute. */
const OFFLINE_PROBE_MS = [1000, 2000, 5000, 10_000, 30_000, 60_000];

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((tag) => set.has(tag));
}

type Step = 'again' | 'stop';

export class RecordSync implements RecordHandle {
  private confirmed: Confirmed | null = null;
  private phase: RecordView['phase'] = 'loading';
  private loadError: RecordView['loadError'];
  /** Learned from the server: a closed ticket, or a write refused with 403. */
  private learnedReadOnly: ReadOnlyReason | undefined;
  /** Known before any write (role, account setting): see `setAccess`. */
  private accessReadOnly: ReadOnlyReason | undefined;
  /** The up-front check has not answered yet: writes wait for it. */
  private accessUnknown = false;
  private log = new Map<string, Intent>();
  private seq = 0;
  private notices: readonly Notice[] = [];
  private marked = new Set<string>();
  private listeners = new Set<() => void>();
  private chain: Promise<void> = Promise.resolve();
  private flushTimer = false;
  private intentGeneration = 0;
  private working = false;
  private disposed = false;
  /** Off for good once a stamp taken from the screen met a 409. */
  private trustScreenStamp = true;
  /** A write's outcome is unknown, or stored intents were adopted: read before the next write. */
  private mustRead = false;
  /** Unknown outcomes in a row; bounds the retries by the backoff list. */
  private failures = 0;
  private backedOff = true;
  /** Waits for Retry-After since the last write that went through. */
  private rateWaits = 0;
  private rateWaiting = false;
  private offline = false;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** A read queued behind other work and not yet started: later refreshes join it. */
  private queuedRead: Promise<void> | null = null;
  /** Ends the current coalescing or backoff wait early (pagehide, the connection is back). */
  private wake: (() => void) | null = null;
  private hurry = false;
  /** The last write of the stored intents worked (false: nothing keeps them across a reload). */
  private kept: boolean;
  private view: RecordView;
  private readonly key: string;

  constructor(
    readonly ref: RecordRef,
    private readonly deps: RecordSyncDeps,
    initial?: Snapshot,
  ) {
    this.key = storageKey(deps.account, recordKey(ref), deps.instanceId);
    this.kept = deps.store !== undefined;
    if (initial) {
      this.acceptSnapshot(initial, true);
      this.phase = 'ready';
    }
    const stored = findStoredEntries(deps.store, deps.account, recordKey(ref), deps.instanceId, deps.now());
    // Entries surely orphaned show at once; old ones wait for the host to say whose are live.
    if (stored.gone.length > 0) this.adopt(stored.gone);
    if (stored.stale.length > 0) void this.enqueue(() => this.adoptStale(stored.stale));
    if (!initial) void this.enqueue(() => this.load());
    this.view = this.buildView();
  }

  // ---- RecordHandle -------------------------------------------------------------------

  getView = (): RecordView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add = (tags: readonly string[]): void => {
    this.intend('add', tags, false);
  };

  remove = (tags: readonly string[]): void => {
    this.intend('remove', tags, false);
  };

  retry = (tags?: readonly string[]): void => {
    if (this.readOnly) return;
    let any = false;
    for (const intent of this.log.values()) {
      if (intent.state === 'failed' && (!tags || tags.includes(intent.tag))) {
        this.log.set(intent.tag, { ...intent, state: 'pending' });
        any = true;
      }
    }
    if (any) {
      this.rateWaits = 0;
      this.persist();
      this.changed();
      this.scheduleFlush(0);
    }
  };

  undo = (changeId: number): void => {
    // Only a change Zendesk confirmed can be undone; on a read-only record nothing can.
    const notice = this.notices.find((n) => n.kind === 'change' && n.change.id === changeId);
    if (!notice || notice.kind !== 'change' || notice.status !== 'done' || notice.change.undoes || this.readOnly) return;
    this.notices = this.notices.filter((n) => n !== notice);
    this.intend(notice.change.op === 'add' ? 'remove' : 'add', notice.change.tags, true);
  };

  dismissNotice = (noticeId: number): void => {
    const before = this.notices.length;
    this.notices = this.notices.filter((n) => n.id !== noticeId);
    if (this.notices.length !== before) this.changed();
  };

  refresh = (): Promise<void> => {
    // Refreshes asked for while other work runs (a write waiting out a 429, say) need one read.
    if (this.queuedRead) return this.queuedRead;
    const read = this.enqueue(() => {
      this.queuedRead = null;
      return this.load();
    });
    this.queuedRead = read;
    return read;
  };

  observe = (tags: readonly string[]): void => {
    // What the host reports may be the agent's unsaved ticket form rather than the server,
    // so it is never taken as confirmed: a difference only triggers one read.
    if (this.confirmed && sameSet(tags, this.confirmed.tags)) return;
    void this.refresh();
  };

  close = (): void => {
    this.disposed = true;
    this.listeners.clear();
  };

  /**
   * What is known about the agent's access before any write: a reason the record is
   * read-only, none, or 'unknown' while the check runs (writes wait for it; the field stays).
   * A record that turns read-only ends its open changes with that reason; one that is no
   * longer read-only (tagging turned back on) takes changes again.
   */
  setAccess = (access: ReadOnlyReason | undefined | 'unknown'): void => {
    if (access === 'unknown') {
      this.accessUnknown = true;
      return;
    }
    const before = this.accessReadOnly;
    this.accessUnknown = false;
    this.accessReadOnly = access;
    if (access === undefined && (this.learnedReadOnly === 'tagging_disabled' || (before && this.learnedReadOnly === before))) {
      // A newer answer than the refusal that taught it: the setting is on again.
      this.learnedReadOnly = undefined;
    }
    if (access && this.log.size > 0) {
      const forbiddenReason = access === 'tagging_disabled' ? 'tagging_disabled' : 'no_permission';
      this.rollBack([...this.log.values()], new ApiError({ kind: access === 'closed' ? 'closed' : 'forbidden', status: 403, forbiddenReason }));
      return;
    }
    this.changed();
    if (!this.readOnly && this.log.size > 0) this.scheduleFlush(0);
  };

  private get readOnly(): ReadOnlyReason | undefined {
    return this.learnedReadOnly === 'closed' ? 'closed' : (this.accessReadOnly ?? this.learnedReadOnly);
  }

  get isClosed(): boolean {
    return this.disposed;
  }

  /** Resolves when all queued server work has run (tests and benchmarks wait on it). */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * The page is going away (pagehide): send what waits at once, and mark the stored intents as
   * left so the next instance takes them over without waiting.
   */
  pagehide(): void {
    this.hurryUp();
    if (this.log.size > 0) saveIntents(this.deps.store, this.key, this.log.values(), this.deps.now(), true);
  }

  /** The page is back (pageshow from the back/forward cache): the stored intents are ours again. */
  pageshow(): void {
    this.persist();
  }

  /** The page is hidden: what waits for a quiet moment goes now. */
  hurryUp(): void {
    this.hurry = true;
    this.wake?.();
  }

  /** The browser says the connection is back: try now instead of at the next probe. */
  online(): void {
    if (this.offline) this.wake?.();
  }

  // ---- intents ----------------------------------------------------------------------

  private intend(op: IntentOp, tags: readonly string[], undoes: boolean): void {
    if (this.readOnly) return;
    const effective: string[] = [];
    const confirmedTags = new Set(this.confirmed?.tags ?? []);
    const changeId = this.deps.nextId();
    const madeAt = this.deps.now();
    const state: IntentState = this.rateWaiting ? 'waiting' : 'pending';
    const replaced = new Set<string>();
    for (const tag of tags) {
      const current = this.log.get(tag);
      const shown = current ? current.op === 'add' || current.state === 'failed' : confirmedTags.has(tag);
      if (op === 'add' && shown && current?.state !== 'failed') continue;
      if (op === 'remove' && !shown) continue;
      // A newer intent supersedes the older one for this tag; planBatch drops any that the
      // server already satisfies, so "add then remove" of a new tag sends nothing.
      if (current && current.changeId !== changeId) replaced.add(tag);
      withIntent(this.log, { tag, op, seq: ++this.seq, changeId, state, madeAt });
      effective.push(tag);
    }
    if (replaced.size > 0) this.notices = supersede(this.notices, replaced, changeId);
    if (effective.length === 0) return;
    const change: ChangeSummary = { id: changeId, op, tags: effective, ...(undoes ? { undoes } : {}) };
    this.pushNotice(changeNotice(this.deps.nextId(), change));
    this.persist();
    this.changed();
    this.scheduleFlush();
  }

  private setState(intents: readonly Intent[], state: IntentState, error?: ApiError): void {
    if (state === 'failed' && error) this.notices = markFailed(this.notices, intents, error.kind);
    for (const intent of intents) {
      const current = this.log.get(intent.tag);
      if (current && current.seq === intent.seq) this.log.set(intent.tag, { ...current, state });
    }
    this.changed();
  }

  private setAllState(from: IntentState, to: IntentState): void {
    for (const intent of this.log.values()) if (intent.state === from) this.log.set(intent.tag, { ...intent, state: to });
    this.changed();
  }

  /** Drops the intents that were sent, unless the agent changed their mind meanwhile. */
  private settle(intents: readonly Intent[]): void {
    let any = false;
    for (const intent of intents) {
      const current = this.log.get(intent.tag);
      if (current && current.seq === intent.seq) {
        this.log.delete(intent.tag);
        any = true;
      }
    }
    if (any) this.persist();
  }

  private rollBack(intents: readonly Intent[], error: ApiError): void {
    if (error.kind === 'closed') this.learnedReadOnly = 'closed';
    else if (error.kind === 'forbidden' && !this.accessReadOnly) this.learnedReadOnly = error.forbiddenReason ?? 'no_permission';
    // A record that turned read-only takes nothing more: every change still open ends with
    // the same reason, rather than showing "saving" for good.
    const ended = this.readOnly ? [...this.log.values()] : intents;
    this.notices = refuse(this.notices, ended, error.kind, error.forbiddenReason, this.deps.nextId);
    this.settle(ended);
    this.changed();
  }

  // ---- stored intents of instances that are gone -------------------------------------

  private async adoptStale(stale: readonly { key: string; owner: string }[]): Promise<void> {
    let live: ReadonlySet<string> = new Set();
    try {
      live = (await this.deps.liveInstances?.()) ?? live;
    } catch {
      // The host cannot say: an entry nobody wrote for a minute is taken as orphaned.
    }
    this.adopt(stale.filter((s) => !live.has(s.owner)).map((s) => s.key));
  }

  private adopt(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const { intents, invalid } = adoptIntents(this.deps.store, keys);
    if (invalid.length > 0) {
      for (const op of ['add', 'remove'] as const) {
        const tags = invalid.filter((i) => i.op === op).map((i) => i.tag);
        if (tags.length) this.pushNotice({ id: this.deps.nextId(), kind: 'change', status: 'refused', change: { id: this.deps.nextId(), op, tags }, error: 'invalid' });
      }
    }
    const taken = intents.filter((stored) => !this.log.has(stored.tag));
    if (taken.length === 0) {
      if (invalid.length) this.changed();
      return;
    }
    // Replayed as the agent's pending change, with its notice (and Undo), and checked against
    // a fresh read first: one the server already satisfies is dropped, not sent.
    // The stored change ids were another instance's: each change gets a fresh one here.
    const byChange = new Map<string, { id: number; op: IntentOp; tags: string[] }>();
    for (const stored of taken) {
      const group = `${stored.changeId}:${stored.op}`;
      let change = byChange.get(group);
      if (!change) {
        change = { id: this.deps.nextId(), op: stored.op, tags: [] };
        byChange.set(group, change);
      }
      change.tags.push(stored.tag);
      this.log.set(stored.tag, { tag: stored.tag, op: stored.op, changeId: change.id, seq: ++this.seq, state: 'pending', madeAt: stored.at });
    }
    for (const change of byChange.values()) this.pushNotice(changeNotice(this.deps.nextId(), change));
    this.mustRead = true;
    this.persist();
    this.changed();
    this.scheduleFlush(0);
  }

  // ---- server work ------------------------------------------------------------------

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.chain.then(async () => {
      this.working = true;
      try {
        await step();
      } catch (error) {
        this.deps.onUnexpected(error);
      } finally {
        this.working = false;
        this.changed();
      }
    });
    this.chain = run;
    return run;
  }

  /**
   * The first change goes at once; what comes while a write is in flight, or just after one,
   * is gathered for a quiet moment so a burst becomes one write.
   */
  private scheduleFlush(delay?: number): void {
    this.intentGeneration++;
    if (this.flushTimer || this.disposed) return;
    const burst = this.working || this.deps.now() - this.lastWriteAt < this.deps.policy.coalesceMs;
    const first = delay ?? (burst ? this.deps.policy.coalesceMs : 0);
    this.flushTimer = true;
    void this.waitForQuiet(first).then(() => {
      this.flushTimer = false;
      void this.enqueue(() => this.flush());
    });
  }

  /** Sleeps, unless woken (pagehide, the connection is back). */
  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        if (this.wake === done) this.wake = null;
        resolve();
      };
      this.wake = done;
      void this.deps.sleep(clampDelay(ms)).then(done);
    });
  }

  /** Waits until no intent came for a quiet window (bounded), so a burst becomes one write. */
  private async waitForQuiet(first: number): Promise<void> {
    const { coalesceMs, maxCoalesceMs } = this.deps.policy;
    let waited = 0;
    let delay = first;
    for (;;) {
      const generation = this.intentGeneration;
      if (this.hurry) return;
      await this.nap(delay);
      waited += delay;
      if (this.hurry || generation === this.intentGeneration || delay === 0 || waited >= maxCoalesceMs) return;
      delay = coalesceMs;
    }
  }

  private async load(): Promise<void> {
    const { backoffMs } = this.deps.policy;
    let probes = 0;
    for (let attempt = 0; ; ) {
      const lastTry = attempt >= backoffMs.length;
      const error = await this.loadOnce(lastTry);
      if (!error || this.disposed) return;
      if (error.kind === 'network') {
        // No connection: no try is used up; probe until it is back (or the online event).
        await this.nap(OFFLINE_PROBE_MS[Math.min(probes++, OFFLINE_PROBE_MS.length - 1)]!);
        continue;
      }
      if (lastTry) return;
      const delay = error.kind === 'rate_limited' ? retryAfterMs(error.retryAfterSeconds) : jittered(backoffMs[attempt] ?? 0, this.deps.random);
      attempt++;
      await this.nap(delay);
    }
  }

  /**
   * One read; answers the error it met when another try may help. A failed refresh keeps
   * what we had; a first load shows its error only when no try is left, so the panel says
   * "loading" rather than flashing an error between retries.
   */
  private async loadOnce(lastTry: boolean): Promise<ApiError | undefined> {
    try {
      const snapshot = await this.deps.backend.read(this.ref);
      this.acceptSnapshot(snapshot, this.phase !== 'ready');
      this.phase = 'ready';
      this.loadError = undefined;
      this.mustRead = false;
      this.setOnline();
      if (this.log.size > 0) this.scheduleFlush(0);
      return undefined;
    } catch (raw) {
      const error = asApiError(raw);
      if (error.kind === 'network') this.setOffline();
      const transient = error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate_limited';
      const retrying = error.kind === 'network' || (!lastTry && transient);
      if (this.phase !== 'ready' && !retrying) {
        this.phase = 'error';
        this.loadError = { kind: error.kind, ...(error.forbiddenReason ? { forbiddenReason: error.forbiddenReason } : {}) };
        if (error.kind === 'forbidden') this.learnedReadOnly = error.forbiddenReason ?? 'no_permission';
      }
      return retrying ? error : undefined;
    }
  }

  /** Takes a server read as the new confirmed state and notes what others changed. */
  private acceptSnapshot(snapshot: Snapshot, first: boolean): void {
    if (!first) this.noteExternal(this.confirmed?.tags ?? [], snapshot.tags);
    this.confirmed = {
      tags: [...snapshot.tags],
      stamp: snapshot.stamp,
      fresh: snapshot.stamp !== undefined,
      provisional: snapshot.provisional === true,
    };
    // A ticket that is no longer closed (reopened) takes changes again.
    if (snapshot.closed) this.learnedReadOnly = 'closed';
    else if (this.learnedReadOnly === 'closed' && !snapshot.provisional) this.learnedReadOnly = undefined;
    if (snapshot.closed && this.log.size > 0) this.rollBack([...this.log.values()], new ApiError({ kind: 'closed', status: 422 }));
  }

  private noteExternal(expected: readonly string[], actual: readonly string[]): void {
    const exp = new Set(expected);
    const act = new Set(actual);
    // A tag the agent is adding (or removing) is not someone else's news when it shows up.
    const added = actual.filter((t) => !exp.has(t) && this.log.get(t)?.op !== 'add');
    const removed = expected.filter((t) => !act.has(t) && this.log.get(t)?.op !== 'remove');
    if (added.length === 0 && removed.length === 0) return;
    this.pushNotice({ id: this.deps.nextId(), kind: 'external_change', added, removed });
    if (added.length > 0) {
      for (const tag of added) this.marked.add(tag);
      void this.deps.sleep(this.deps.policy.markMs).then(() => {
        for (const tag of added) this.marked.delete(tag);
        this.changed();
      });
    }
  }

  private setOffline(): void {
    if (this.offline) return;
    this.offline = true;
    this.deps.onConnectivity?.(false);
    this.changed();
  }

  private setOnline(): void {
    if (!this.offline) return;
    this.offline = false;
    this.deps.onConnectivity?.(true);
    this.changed();
  }

  /** No connection: wait for the browser's online event or a cheap probe (one read), with backoff. */
  private async waitForConnection(): Promise<void> {
    for (let probe = 0; !this.disposed; probe++) {
      await this.nap(OFFLINE_PROBE_MS[Math.min(probe, OFFLINE_PROBE_MS.length - 1)]!);
      if (this.disposed) return;
      try {
        const snapshot = await this.deps.backend.read(this.ref);
        this.acceptSnapshot(snapshot, false);
        this.mustRead = false;
        this.setOnline();
        return;
      } catch (raw) {
        const error = asApiError(raw);
        if (error.kind !== 'network') {
          // Reachable again, if unhappy: the flush loop deals with it.
          this.setOnline();
          return;
        }
      }
    }
  }

  /** Waits out a 429 off the chain, so reads run meanwhile; the write goes when it ends. */
  private waitRateLimit(seconds: number | undefined): void {
    this.rateWaiting = true;
    this.setAllState('pending', 'waiting');
    void this.deps.sleep(retryAfterMs(seconds)).then(() => {
      this.rateWaiting = false;
      this.setAllState('waiting', 'pending');
      this.scheduleFlush(0);
    });
  }

  /** An unknown outcome: count it, and give up on the waiting intents once retries ran out. */
  private unknownOutcome(): void {
    this.mustRead = true;
    this.failures++;
    this.backedOff = false;
  }

  /** Reads what the server holds after an unknown outcome. */
  private async readBeforePlanning(): Promise<Step> {
    try {
      await this.readForRebase();
      this.mustRead = false;
      this.setOnline();
      return 'again';
    } catch (raw) {
      const error = asApiError(raw);
      switch (error.kind) {
        case 'rate_limited':
          this.waitRateLimit(error.retryAfterSeconds);
          return 'stop';
        case 'network':
          this.setOffline();
          await this.waitForConnection();
          return 'again';
        case 'server':
        case 'timeout': {
          const delay = this.deps.policy.backoffMs[this.failures++];
          if (delay === undefined) {
            // Still unknown, and no retry left: say so; Retry reads again first.
            this.failures = 0;
            this.setAllState('pending', 'failed');
            return 'stop';
          }
          await this.nap(jittered(delay, this.deps.random));
          return 'again';
        }
        default:
          this.failures = 0;
          this.setAllState('pending', 'failed');
          return 'stop';
      }
    }
  }

  /** Whether a write's answer proves it: every tag sent is there (add) or gone (remove). */
  private proves(op: IntentOp, tags: readonly string[], answer: readonly string[] | null): boolean {
    if (answer === null) return op === 'remove';
    const after = new Set(answer);
    return tags.every((t) => after.has(t) === (op === 'add'));
  }

  private async flush(): Promise<void> {
    const { backend, policy, random } = this.deps;
    let conflicts = 0;
    let surprises = 0;
    for (;;) {
      if (!this.confirmed || this.readOnly || this.accessUnknown || this.disposed || this.rateWaiting) return;
      if (this.mustRead) {
        if ((await this.readBeforePlanning()) === 'stop') return;
        continue;
      }
      const confirmed = this.confirmed;
      const batch = planBatch(confirmed.tags, this.log, confirmed.provisional);
      this.settle(batch.satisfied);
      const op: IntentOp | null = batch.adds.length > 0 ? 'add' : batch.removes.length > 0 ? 'remove' : null;
      if (!op) {
        this.failures = 0;
        this.changed();
        return;
      }
      const intents = op === 'add' ? batch.adds : batch.removes;
      if (this.failures > 0 && !this.backedOff) {
        // The server has not got it yet, as far as a read can tell: back off, then send again.
        const delay = policy.backoffMs[this.failures - 1];
        if (delay === undefined) {
          this.failures = 0;
          this.setState([...batch.adds, ...batch.removes], 'failed');
          continue;
        }
        this.backedOff = true;
        await this.nap(jittered(delay, random));
        continue;
      }
      const isTicket = this.ref.kind === 'ticket';
      try {
        if (isTicket && !confirmed.fresh && (await this.stampFromScreen(confirmed))) continue;
        if (isTicket && !confirmed.fresh) {
          // Our last write moved updated_at and tag answers do not carry the new one:
          // read it (and rebase on whatever else changed) only now that a write needs it.
          await this.readForRebase();
          continue;
        }
        const tags = intents.map((i) => i.tag);
        const stamp = isTicket ? confirmed.stamp : undefined;
        this.lastWriteAt = this.deps.now();
        const answer = op === 'add' ? await backend.add(this.ref, tags, stamp) : await backend.remove(this.ref, tags, stamp);
        this.setOnline();
        // Sets, not includes: a paste or its Undo sends thousands of tags on records with thousands.
        const had = new Set(confirmed.tags);
        const sent = new Set(tags);
        const expected = op === 'add' ? [...confirmed.tags, ...tags.filter((t) => !had.has(t))] : confirmed.tags.filter((t) => !sent.has(t));
        if (!this.proves(op, tags, answer)) {
          this.unknownOutcome();
          continue;
        }
        if (answer !== null && !sameSet(answer, expected)) {
          // The answer says our change is there but the rest is not what we expect: someone
          // else changed the record, or the answer is wrong. Only a read can tell which, so
          // nothing is settled from it (a wrong answer kept coming is an unknown outcome).
          if (++surprises > 2) this.unknownOutcome();
          else this.mustRead = true;
          continue;
        }
        this.settle(intents);
        this.failures = 0;
        this.rateWaits = 0;
        this.confirmed = { tags: answer ?? expected, stamp: confirmed.stamp, fresh: !isTicket, provisional: false };
        this.deps.onServerChange?.(this.ref, this.confirmed.tags);
        this.changed();
      } catch (raw) {
        const error = asApiError(raw);
        switch (error.kind) {
          case 'conflict':
            if (confirmed.stampFromScreen) this.trustScreenStamp = false;
            if (++conflicts > policy.maxConflictRetries) {
              this.setState(intents, 'failed', error);
              break;
            }
            await this.nap(jittered(100 * 2 ** Math.min(conflicts, 5), random));
            this.mustRead = true;
            break;
          case 'rate_limited':
            if (++this.rateWaits > policy.maxRateLimitWaits) {
              this.rateWaits = 0;
              this.setState(intents, 'failed', error);
              break;
            }
            this.waitRateLimit(error.retryAfterSeconds);
            return;
          case 'network':
            // The write may have landed; once the connection is back, read before anything else.
            this.mustRead = true;
            this.setOffline();
            await this.waitForConnection();
            break;
          case 'server':
          case 'timeout':
            this.unknownOutcome();
            break;
          default:
            this.rollBack(intents, error);
        }
      }
    }
  }

  /**
   * After our own write the stamp is stale; the agent's screen may already show the new one.
   * True when the loop should look again (a stamp was taken, or the state moved meanwhile).
   */
  private async stampFromScreen(confirmed: Confirmed): Promise<boolean> {
    const source = this.deps.screenStamp;
    if (!source || !this.trustScreenStamp) return false;
    let seen: string | undefined;
    try {
      seen = await source(this.ref);
    } catch {
      return false;
    }
    if (this.confirmed !== confirmed) return true;
    if (seen === undefined || !newerStamp(seen, confirmed.stamp)) return false;
    this.confirmed = { ...confirmed, stamp: seen, fresh: true, stampFromScreen: true };
    return true;
  }

  private async readForRebase(): Promise<void> {
    const snapshot = await this.deps.backend.read(this.ref);
    const before = this.confirmed?.tags;
    this.acceptSnapshot(snapshot, false);
    if (before && !sameSet(before, snapshot.tags)) this.deps.onServerChange?.(this.ref, snapshot.tags);
    this.changed();
  }

  // ---- view -------------------------------------------------------------------------

  private persist(): void {
    if (this.disposed) return;
    this.kept = saveIntents(this.deps.store, this.key, this.log.values(), this.deps.now());
  }

  private pushNotice(notice: Notice): void {
    const notices = [...this.notices, notice];
    // Over the limit, the oldest confirmed or outside news goes first, then the oldest change
    // on its way (its tag still shows it saving); one that failed or was refused goes last.
    const rank = (n: Notice) => (n.kind !== 'change' || n.status === 'done' ? 0 : n.status === 'sending' || n.status === 'waiting' ? 1 : 2);
    while (notices.length > MAX_NOTICES) {
      const lowest = Math.min(...notices.map(rank));
      notices.splice(notices.findIndex((n) => rank(n) === lowest), 1);
    }
    this.notices = notices;
  }

  private buildView(): RecordView {
    const tags = this.confirmed ? replay(this.confirmed.tags, this.log, this.marked) : [];
    let pending = false;
    for (const intent of this.log.values()) {
      if (intent.state !== 'failed') {
        pending = true;
        break;
      }
    }
    const busy = this.working || this.flushTimer || this.rateWaiting || pending;
    return {
      ref: this.ref,
      phase: this.phase,
      ...(this.loadError ? { loadError: this.loadError } : {}),
      tags,
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
      notices: this.notices,
      busy,
      ...(this.offline ? { offline: true } : {}),
      ...(!this.kept && this.log.size > 0 ? { notKept: true } : {}),
    };
  }

  private changed(): void {
    this.notices = resolve(this.notices, this.log);
    this.view = this.buildView();
    if (this.disposed) return;
    for (const listener of this.listeners) listener();
  }
}
