/**
 * One notice per change the agent made, moving through its states as the server answers:
 * sending (or waiting out a 429), then done once Zendesk confirmed it, or failed (retries ran
 * out, Retry may still save it), or refused (Zendesk will not take it, rolled back).
 * Pure functions over the notice list and the intent log; the record sync calls them.
 */
import type { ApiErrorKind, ForbiddenReason } from '../errors';
import type { Intent, IntentLog } from './intents';
import type { ChangeNotice, ChangeSummary, Notice } from './view';

/** A new change starts as "sending". */
export function changeNotice(id: number, change: ChangeSummary): ChangeNotice {
  return { id, kind: 'change', change, status: 'sending' };
}

function isOpen(notice: Notice): notice is ChangeNotice {
  return notice.kind === 'change' && notice.status !== 'done' && notice.status !== 'refused';
}

/**
 * A newer intent for `tag` (another change) means this tag's outcome is no longer the older
 * change's: it leaves that notice, and a notice left with no tag goes. Without this an older
 * "Adding billing…" would turn "Added" when its intent was merely replaced.
 */
export function supersede(notices: readonly Notice[], replaced: ReadonlySet<string>, byChange: number): Notice[] {
  const out: Notice[] = [];
  for (const notice of notices) {
    // One pass over each notice for all the tags: an Undo of a 10,000-tag paste replaces them all.
    if (!isOpen(notice) || notice.change.id === byChange || !notice.change.tags.some((t) => replaced.has(t))) {
      out.push(notice);
      continue;
    }
    const tags = notice.change.tags.filter((t) => !replaced.has(t));
    if (tags.length > 0) out.push({ ...notice, change: { ...notice.change, tags } });
  }
  return out;
}

/** The last error behind a change whose retries ran out. */
export function markFailed(notices: readonly Notice[], intents: readonly Intent[], error: ApiErrorKind): Notice[] {
  const changes = new Set(intents.map((i) => i.changeId));
  return notices.map((n) => (isOpen(n) && changes.has(n.change.id) ? { ...n, error } : n));
}

/**
 * Zendesk refused these intents: their changes end as refused, with the reason. Intents whose
 * change has no open notice (dismissed, or pushed out) get one, so no refusal goes unsaid.
 */
export function refuse(
  notices: readonly Notice[],
  intents: readonly Intent[],
  error: ApiErrorKind,
  forbiddenReason: ForbiddenReason | undefined,
  nextId: () => number,
): Notice[] {
  const reason = forbiddenReason ? { forbiddenReason } : {};
  const refusedTags = new Set(intents.map((i) => i.tag));
  const covered = new Set<string>();
  const out = notices.map((n): Notice => {
    if (!isOpen(n) || !intents.some((i) => i.changeId === n.change.id)) return n;
    const tags = n.change.tags.filter((t) => refusedTags.has(t));
    for (const tag of tags) covered.add(tag);
    return { ...n, change: { ...n.change, tags: tags.length ? tags : n.change.tags }, status: 'refused', error, ...reason };
  });
  for (const op of ['add', 'remove'] as const) {
    const tags = intents.filter((i) => i.op === op && !covered.has(i.tag)).map((i) => i.tag);
    if (tags.length === 0) continue;
    out.push({ id: nextId(), kind: 'change', change: { id: nextId(), op, tags }, status: 'refused', error, ...reason });
  }
  return out;
}

/**
 * Each open notice's state from the intents of its change still in the log: any failed →
 * failed; any waiting → waiting; any left → sending; none left → done (the log only lets an
 * intent go on a server answer that holds it, or on a refusal, which `refuse` marked first).
 */
export function resolve(notices: readonly Notice[], log: IntentLog): readonly Notice[] {
  let changed = false;
  const out = notices.map((n) => {
    if (!isOpen(n)) return n;
    const outstanding = n.change.tags.map((tag) => log.get(tag)).filter((i): i is Intent => i !== undefined && i.changeId === n.change.id);
    const status: ChangeNotice['status'] = outstanding.some((i) => i.state === 'failed')
      ? 'failed'
      : outstanding.some((i) => i.state === 'waiting')
        ? 'waiting'
        : outstanding.length > 0
          ? 'sending'
          : 'done';
    if (status === n.status) return n;
    changed = true;
    // Back to sending (Retry) forgets the old failure's reason.
    return status === 'failed' ? { ...n, status } : { ...n, status, error: undefined };
  });
  return changed ? out : notices;
}
