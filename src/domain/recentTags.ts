/**
 * What the empty "Add tags" field offers: the tags this agent added lately (this browser
 * session, per account), then the account's most used ones. Pure: the UI keeps the list.
 */

export const MAX_RECENT = 10;

/** The tags this agent added lately on this account (this browser session). */
export interface RecentTags {
  list(): readonly string[];
  add(tags: readonly string[]): void;
}

/** The recent list after adding `tags`: newest first, no duplicates, at most `max`. */
export function rememberRecent(recent: readonly string[], tags: readonly string[], max = MAX_RECENT): string[] {
  return [...new Set([...tags].reverse().concat(recent))].slice(0, max);
}

/** Recent tags first, then popular ones; each once, nothing the record has; at most `limit`. */
export function emptyFieldOffers(recent: readonly string[], popular: readonly string[], exclude: Iterable<string>, limit: number): string[] {
  const skip = new Set(exclude);
  return [...new Set([...recent, ...popular])].filter((name) => !skip.has(name)).slice(0, limit);
}
