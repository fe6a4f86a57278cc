import type { RecordRef, Snapshot } from '../record';

/**
 * What the sync engine needs from Zendesk. The Zendesk API module implements it over
 * `client.request`; tests implement it over the local Zendesk in-process.
 * Every method rejects with an `ApiError`.
 */
export interface TagBackend {
  /** Current tags (and for tickets the stamp and whether it is closed). */
  read(ref: RecordRef): Promise<Snapshot>;
  /** Delta add. `stamp` is sent with safe_update for tickets. Resolves to the server's tags after the write. */
  add(ref: RecordRef, tags: readonly string[], stamp: string | undefined): Promise<readonly string[]>;
  /** Delta remove. Resolves to the server's tags after the write, or null when it answered 204. */
  remove(ref: RecordRef, tags: readonly string[], stamp: string | undefined): Promise<readonly string[] | null>;
}
