/**
 * The agent's pending intents and how they replay over the confirmed server state.
 * Pure functions; the record sync owns the state and calls these.
 *
 * Only the newest intent per tag matters (add then remove of one tag is "absent"), so the
 * log is a map from tag to its newest intent, ordered by when the tag was first touched.
 */
import type { TagView } from './view';

export type IntentOp = 'add' | 'remove';
/** pending: to be sent; waiting: held back by a 429; failed: retries ran out, shown as not saved. */
export type IntentState = 'pending' | 'waiting' | 'failed';

export interface Intent {
  readonly tag: string;
  readonly op: IntentOp;
  /** Grows with every intent the record sees; tells a superseded intent from the one that was sent. */
  readonly seq: number;
  readonly changeId: number;
  readonly state: IntentState;
  /** When the agent made it: of two stored intents for one tag, the newer wins. */
  readonly madeAt: number;
}

export type IntentLog = ReadonlyMap<string, Intent>;

/** Records the newest intent for its tag in place (no copy per tag: records may hold thousands). */
export function withIntent(log: Map<string, Intent>, intent: Intent): Map<string, Intent> {
  // Map.set on an existing key keeps the first-touch order.
  log.set(intent.tag, intent);
  return log;
}

export interface Batch {
  readonly adds: readonly Intent[];
  readonly removes: readonly Intent[];
  /** Intents the server state already satisfies: nothing to send, they are done. */
  readonly satisfied: readonly Intent[];
}

/**
 * What to send now: only what changes the server, never what it already has. On a
 * provisional state nothing counts as already done: the delta calls are harmless repeats.
 * A failed intent is not sent, but one the server now satisfies is done: kept, it would
 * undo a colleague's later change when the agent presses Retry or reopens the record.
 */
export function planBatch(confirmed: readonly string[], log: IntentLog, provisional = false): Batch {
  const have = new Set(confirmed);
  const adds: Intent[] = [];
  const removes: Intent[] = [];
  const satisfied: Intent[] = [];
  for (const intent of log.values()) {
    const present = have.has(intent.tag);
    if (intent.state === 'failed') {
      if (!provisional && (intent.op === 'add') === present) satisfied.push(intent);
      continue;
    }
    if (intent.op === 'add' && (!present || provisional)) adds.push(intent);
    else if (intent.op === 'remove' && (present || provisional)) removes.push(intent);
    else satisfied.push(intent);
  }
  return { adds, removes, satisfied };
}

/** The screen's tags: confirmed state with the intents replayed on top. */
export function replay(confirmed: readonly string[], log: IntentLog, marked: ReadonlySet<string>): TagView[] {
  const views: TagView[] = [];
  const stateOf = (intent: Intent): TagView['state'] =>
    intent.state === 'failed' ? 'failed' : intent.state === 'waiting' ? 'waiting' : 'saving';
  for (const tag of confirmed) {
    const intent = log.get(tag);
    if (intent?.op === 'remove') {
      // A removal on its way is hidden at once; one that failed shows so it can be retried.
      if (intent.state === 'failed') views.push({ name: tag, state: 'failed', pending: 'remove' });
      continue;
    }
    // The server has it: an add intent for it is already satisfied.
    views.push(marked.has(tag) ? { name: tag, state: 'saved', changedByOthers: true } : { name: tag, state: 'saved' });
  }
  const shown = new Set(confirmed);
  for (const intent of log.values()) {
    if (intent.op === 'add' && !shown.has(intent.tag)) {
      views.push({ name: intent.tag, state: stateOf(intent), pending: 'add' });
    }
  }
  return views;
}
