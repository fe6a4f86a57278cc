/**
 * One record's tags, kept in step with Zendesk.
 *
 * State: what the server last confirmed (tags, and for tickets the stamp) plus the agent's
 * intent log. The screen shows the intents replayed on the confirmed state; the confirmed
 * state changes only from a server answer. All server work for a record runs one step at a
 * time on `chain`, so answers are applied in the order they were asked for.
 */
import { ApiError, asApiError, isTransient } from '../errors';
import { recordKey, type RecordRef, type Snapshot } from '../record';
import type { TagBackend } from './backend';
import { changeNotice, markFailed, refuse, resolve, supersede } from './changeNotices';
import { planBatch, replay, withIntent, type Intent, type IntentOp, type IntentState } from './intents';
import { loadIntents, saveIntents, storageKey, type KeyValueStore } from './persistence';
import { jittered, type RetryPolicy } from './retryPolicy';
import { newerStamp } from './stamps';
import type { ChangeSummary, Notice, ReadOnlyReason, RecordHandle, RecordView } from './view';

export interface RecordSyncDeps {
  readonly backend: TagBackend;
  readonly store: KeyValueStore | undefined;
  readonly account: string;
  readonly policy: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Ids unique across the engine, so notices of several records never collide. */
  readonly nextId: () => number;
  readonly onUnexpected: (error: unknown) => void;
  readonly screenStamp?: (ref: RecordRef) => Promise<string | undefined>;
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

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((tag) => set.has(tag));
}

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
  private view: RecordView;
  private readonly key: string;

  constructor(
    readonly ref: RecordRef,
    private readonly deps: RecordSyncDeps,
    initial?: Snapshot,
  ) {
    this.key = storageKey(deps.account, recordKey(ref));
    for (const stored of loadIntents(deps.store, this.key)) {
      this.log.set(stored.tag, { ...stored, seq: ++this.seq, state: 'pending' });
    }
    if (initial) {
      this.acceptSnapshot(initial, true);
      this.phase = 'ready';
    } else {
      this.enqueue(() => this.load());
    }
    this.view = this.buildView();
    if (this.log.size > 0) this.scheduleFlush();
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

  refresh = (): Promise<void> => this.enqueue(() => this.load());

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

  // ---- intents ----------------------------------------------------------------------

  private intend(op: IntentOp, tags: readonly string[], undoes: boolean): void {
    if (this.readOnly) return;
    const effective: string[] = [];
    const confirmedTags = new Set(this.confirmed?.tags ?? []);
    const changeId = this.deps.nextId();
    for (const tag of tags) {
      const current = this.log.get(tag);
      const shown = current ? current.op === 'add' || current.state === 'failed' : confirmedTags.has(tag);
      if (op === 'add' && shown && current?.state !== 'failed') continue;
      if (op === 'remove' && !shown) continue;
      // A newer intent supersedes the older one for this tag; planBatch drops any that the
      // server already satisfies, so "add then remove" of a new tag sends nothing.
      if (current && current.changeId !== changeId) this.notices = supersede(this.notices, tag, changeId);
      this.log = withIntent(this.log, { tag, op, seq: ++this.seq, changeId, state: 'pending' });
      effective.push(tag);
    }
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

  private scheduleFlush(delay = this.deps.policy.coalesceMs): void {
    this.intentGeneration++;
    if (this.flushTimer || this.disposed) return;
    this.flushTimer = true;
    void this.waitForQuiet(delay).then(() => {
      this.flushTimer = false;
      void this.enqueue(() => this.flush());
    });
  }

  /** Waits until no intent came for a quiet window (bounded), so a burst becomes one write. */
  private async waitForQuiet(first: number): Promise<void> {
    const { coalesceMs, maxCoalesceMs } = this.deps.policy;
    let waited = 0;
    let delay = first;
    for (;;) {
      const generation = this.intentGeneration;
      await this.deps.sleep(delay);
      waited += delay;
      if (generation === this.intentGeneration || delay === 0 || waited >= maxCoalesceMs) return;
      delay = coalesceMs;
    }
  }

  private async load(): Promise<void> {
    const { backoffMs } = this.deps.policy;
    for (let attempt = 0; ; attempt++) {
      const lastTry = attempt >= backoffMs.length;
      const error = await this.loadOnce(lastTry);
      if (!error || lastTry) return;
      const delay = error.kind === 'rate_limited' ? (error.retryAfterSeconds ?? 10) * 1000 : jittered(backoffMs[attempt] ?? 0, this.deps.random);
      await this.deps.sleep(delay);
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
      if (this.log.size > 0) this.scheduleFlush(0);
      return undefined;
    } catch (raw) {
      const error = asApiError(raw);
      const retrying = !lastTry && isTransient(error);
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

  private async flush(): Promise<void> {
    const { backend, policy, random, sleep } = this.deps;
    let conflicts = 0;
    let waits = 0;
    let failures = 0;
    let mustRead = false;
    for (;;) {
      const confirmed = this.confirmed;
      if (!confirmed || this.readOnly || this.accessUnknown || this.disposed) return;
      const batch = planBatch(confirmed.tags, this.log, confirmed.provisional);
      this.settle(batch.satisfied);
      const op: IntentOp | null = batch.adds.length > 0 ? 'add' : batch.removes.length > 0 ? 'remove' : null;
      if (!op) {
        this.changed();
        return;
      }
      const intents = op === 'add' ? batch.adds : batch.removes;
      const isTicket = this.ref.kind === 'ticket';
      try {
        if (!mustRead && isTicket && !confirmed.fresh && (await this.stampFromScreen(confirmed))) continue;
        if (mustRead || (isTicket && !confirmed.fresh)) {
          mustRead = false;
          // Our last write moved updated_at and tag answers do not carry the new one:
          // read it (and rebase on whatever else changed) only now that a write needs it.
          await this.readForRebase();
          continue;
        }
        const tags = intents.map((i) => i.tag);
        const stamp = isTicket ? confirmed.stamp : undefined;
        const answer = op === 'add' ? await backend.add(this.ref, tags, stamp) : await backend.remove(this.ref, tags, stamp);
        const expected =
          op === 'add' ? [...confirmed.tags, ...tags.filter((t) => !confirmed.tags.includes(t))] : confirmed.tags.filter((t) => !tags.includes(t));
        const actual = answer ?? expected;
        this.noteExternal(expected, actual);
        this.confirmed = { tags: [...actual], stamp: confirmed.stamp, fresh: !isTicket, provisional: false };
        this.settle(intents);
        failures = 0;
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
            await sleep(jittered(100 * 2 ** Math.min(conflicts, 5), random));
            mustRead = true;
            break;
          case 'rate_limited':
            if (++waits > policy.maxRateLimitWaits) {
              this.setState(intents, 'failed', error);
              break;
            }
            this.setState(intents, 'waiting');
            await sleep((error.retryAfterSeconds ?? 10) * 1000);
            this.setState(intents, 'pending');
            break;
          case 'server':
          case 'network':
          case 'timeout': {
            const delay = policy.backoffMs[failures++];
            if (delay === undefined) {
              this.setState(intents, 'failed', error);
              failures = 0;
              break;
            }
            await sleep(jittered(delay, random));
            // The write may have landed without our seeing the answer: re-read before a
            // ticket's next safe write rather than spend a certain 409.
            if (isTicket) mustRead = true;
            break;
          }
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
    this.acceptSnapshot(snapshot, false);
    this.changed();
  }

  // ---- view -------------------------------------------------------------------------

  private persist(): void {
    saveIntents(this.deps.store, this.key, this.log.values());
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
    const busy = this.working || this.flushTimer || [...this.log.values()].some((i) => i.state !== 'failed');
    return {
      ref: this.ref,
      phase: this.phase,
      ...(this.loadError ? { loadError: this.loadError } : {}),
      tags,
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
      notices: this.notices,
      busy,
    };
  }

  private changed(): void {
    this.notices = resolve(this.notices, this.log);
    this.view = this.buildView();
    if (this.disposed) return;
    for (const listener of this.listeners) listener();
  }
}
