import type { ApiErrorKind, ForbiddenReason } from '../errors';
import type { RecordRef } from '../record';

/**
 * What a tag looks like to the agent right now.
 * - saved: the server holds it.
 * - saving: the agent's change is on its way.
 * - waiting: Zendesk asked us to wait (429); it will be sent after Retry-After.
 * - failed: retries ran out; the change is not saved. `retry([name])` sends it again.
 */
export type TagSyncState = 'saved' | 'saving' | 'waiting' | 'failed';

export interface TagView {
  readonly name: string;
  readonly state: TagSyncState;
  /**
   * The agent's pending change behind a non-saved state. A pending removal is hidden,
   * so 'remove' only shows when the removal failed (the tag is still on the server).
   */
  readonly pending?: 'add' | 'remove';
  /** Set for a few seconds when someone else added this tag. */
  readonly changedByOthers?: boolean;
}

/** Whether two views of a tag show the same: what a chip renders from, and what counts as a change. */
export function sameTagView(a: TagView, b: TagView): boolean {
  return a.name === b.name && a.state === b.state && a.pending === b.pending && a.changedByOthers === b.changedByOthers;
}

/** One change the agent made, as its notice shows it (and Undo reverts it). */
export interface ChangeSummary {
  readonly id: number;
  readonly op: 'add' | 'remove';
  readonly tags: readonly string[];
  /** This change is an Undo of an earlier one: it offers no Undo of its own. */
  readonly undoes?: boolean;
}

/**
 * Where a change stands. Only `done` means Zendesk confirmed it.
 * - sending: on its way (or queued behind another write).
 * - waiting: Zendesk asked us to wait (429); it goes after Retry-After.
 * - done: the server holds it.
 * - failed: retries ran out; not saved, and Retry may still save it.
 * - refused: Zendesk will not take it (closed, no permission, tagging off...); rolled back.
 */
export type ChangeStatus = 'sending' | 'waiting' | 'done' | 'failed' | 'refused';

/** The one notice of one change, moving through its states. */
export interface ChangeNotice {
  readonly id: number;
  readonly kind: 'change';
  readonly change: ChangeSummary;
  readonly status: ChangeStatus;
  /** failed: the last error met; refused: why Zendesk refused. */
  readonly error?: ApiErrorKind | undefined;
  readonly forbiddenReason?: ForbiddenReason;
}

export type Notice =
  | ChangeNotice
  /** Someone else changed the record; the screen now shows their change. */
  | {
      readonly id: number;
      readonly kind: 'external_change';
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };

export type ReadOnlyReason = 'closed' | 'tagging_disabled' | 'no_permission';

export interface RecordView {
  readonly ref: RecordRef;
  readonly phase: 'loading' | 'ready' | 'error';
  /** Why loading failed (phase 'error'). */
  readonly loadError?: { readonly kind: ApiErrorKind; readonly forbiddenReason?: ForbiddenReason };
  /** Confirmed tags with the pending intents replayed on top, in server order, new ones last. */
  readonly tags: readonly TagView[];
  readonly readOnly?: ReadOnlyReason;
  readonly notices: readonly Notice[];
  /** True while anything is unsent, in flight or waiting. */
  readonly busy: boolean;
  /** Zendesk cannot be reached; what waits is sent when it is back. */
  readonly offline?: boolean;
  /** Changes are pending and nothing can keep them across a reload (storage refused). */
  readonly notKept?: boolean;
}

/** The handle a component holds for one record. */
export interface RecordHandle {
  getView(): RecordView;
  /** For useSyncExternalStore: the listener runs after every view change. */
  subscribe(listener: () => void): () => void;
  add(tags: readonly string[]): void;
  remove(tags: readonly string[]): void;
  /**
   * What is known about the agent's access before any write (role, account setting):
   * 'unknown' holds writes until the answer; a reason makes the record read-only.
   */
  setAccess?(access: ReadOnlyReason | undefined | 'unknown'): void;
  /** Send failed changes again: those of `tags` only, or all of them. */
  retry(tags?: readonly string[]): void;
  /** Revert one of the agent's changes (itself just another intent). */
  undo(changeId: number): void;
  dismissNotice(noticeId: number): void;
  /** Read the server again (for example after `ticket.updated`). */
  refresh(): Promise<void>;
  /** The host told us the record's tags (for example `ticket.tags.changed`). */
  observe(tags: readonly string[], stamp?: string): void;
  close(): void;
}
