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
  const newest = [...tags].reverse();
  const out: string[] = [];
  for (const tag of [...newest, ...recent]) {
    if (!out.includes(tag)) out.push(tag);
    if (out.length === max) break;
  }
  return out;
}

export interface EmptyFieldOffer {
  readonly name: string;
  /** Why it is offered: the agent used it lately, or the account uses it most. */
  readonly reason: 'recent' | 'popular';
}

/** Recent tags first, then popular ones; nothing the record has; at most `limit`. */
export function emptyFieldOffers(
  recent: readonly string[],
  popular: readonly string[],
  exclude: Iterable<string>,
  limit: number,
): EmptyFieldOffer[] {
  const skip = new Set(exclude);
  const out: EmptyFieldOffer[] = [];
  const seen = new Set<string>();
  const take = (name: string, reason: EmptyFieldOffer['reason']) => {
    if (out.length >= limit || skip.has(name) || seen.has(name)) return;
    seen.add(name);
    out.push({ name, reason });
  };
  for (const name of recent) take(name, 'recent');
  for (const name of popular) take(name, 'popular');
  return out;
}
