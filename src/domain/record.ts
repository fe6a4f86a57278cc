/** The three kinds of Zendesk record that carry tags. */
export type RecordKind = 'ticket' | 'user' | 'organization';

export interface RecordRef {
  readonly kind: RecordKind;
  readonly id: number;
}

/** A stable string for maps, storage keys and React keys. */
export function recordKey(ref: RecordRef): string {
  return `${ref.kind}:${ref.id}`;
}

/** What the server last said about a record's tags. */
export interface Snapshot {
  /** Tags in the order the server keeps them. */
  readonly tags: readonly string[];
  /** Tickets only: the `updated_at` to send as `updated_stamp`. Opaque. */
  readonly stamp?: string;
  /** Tickets only: closed tickets refuse tag writes. */
  readonly closed?: boolean;
  /**
   * Taken from the agent's screen (ZAF), not from a server answer: it may include unsaved
   * form edits, so it is shown but never trusted to skip a write.
   */
  readonly provisional?: boolean;
}
