/**
 * Tag suggestions, pure: which piece of the field to complete, how to rank candidates,
 * and a prefix cache that answers longer prefixes locally once a shorter one is fully known.
 */
import { normaliseTag } from './normalize';

/** Zendesk's autocomplete needs at least two characters. */
export const MIN_PREFIX_LENGTH = 2;
export const MAX_SUGGESTIONS = 8;
/**
 * Zendesk's offset pages hold 100 items by default. When an autocomplete answer does not say
 * whether more pages exist, one shorter than a page is taken as everything that starts with
 * the prefix; a full page may have more behind it.
 */
export const AUTOCOMPLETE_PAGE_SIZE = 100;

/** What Zendesk's autocomplete answered for one prefix. */
export interface AutocompleteAnswer {
  readonly tags: readonly string[];
  /** Whether these are all the names starting with the prefix; absent when Zendesk did not say (no `next_page`). */
  readonly complete?: boolean;
}

const SEPARATOR = /[\s,]/u;

/**
 * Splits the field into what comes before the word being typed and that word (normalised),
 * e.g. "billing, Ref" → { before: "billing, ", token: "ref" }.
 */
export function currentToken(text: string): { before: string; token: string } {
  let start = text.length;
  while (start > 0 && !SEPARATOR.test(text[start - 1]!)) start -= 1;
  return { before: text.slice(0, start), token: normaliseTag(text.slice(start)) };
}

export interface RankOptions {
  /** The normalised text being completed; only names starting with it are kept. */
  readonly prefix: string;
  /** Popular tag names, most popular first. */
  readonly popular: readonly string[];
  /** Tags the record already has. */
  readonly exclude: Iterable<string>;
  readonly limit?: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Popular tags first (most popular first), then the rest alphabetically; no duplicates,
 * nothing the record already has, nothing that does not start with the prefix.
 */
export function rankSuggestions(candidates: Iterable<string>, options: RankOptions): string[] {
  const exclude = new Set(options.exclude);
  const wanted = (name: string) => name.startsWith(options.prefix) && !exclude.has(name);
  // Only the names that can be offered get a rank: this runs on every keystroke, over up to
  // 20,000 popular tags, and a map of all of them cost most of the time.
  const rank = new Map<string, number>();
  options.popular.forEach((name, index) => {
    if (wanted(name) && !rank.has(name)) rank.set(name, index);
  });
  const unique = new Set<string>();
  for (const name of candidates) {
    if (wanted(name)) unique.add(name);
  }
  return [...unique]
    .sort((a, b) => {
      const ra = rank.get(a);
      const rb = rank.get(b);
      if (ra !== undefined && rb !== undefined) return ra - rb;
      if (ra !== undefined) return -1;
      if (rb !== undefined) return 1;
      return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
    })
    .slice(0, options.limit ?? MAX_SUGGESTIONS);
}

interface CachedAnswer {
  readonly tags: readonly string[];
  readonly complete: boolean;
}

/**
 * Autocomplete answers by prefix. A prefix that extends one whose answer was complete is
 * answered by filtering that answer, with no request.
 */
export class PrefixCache {
  private readonly answers = new Map<string, CachedAnswer>();

  constructor(
    private readonly pageSize = AUTOCOMPLETE_PAGE_SIZE,
    private readonly maxEntries = 200,
  ) {}

  store(prefix: string, { tags, complete }: AutocompleteAnswer): void {
    this.answers.delete(prefix);
    this.answers.set(prefix, { tags: [...tags], complete: complete ?? tags.length < this.pageSize });
    if (this.answers.size > this.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }

  /** The known answer for `prefix`, or undefined when only the server can tell. */
  lookup(prefix: string): readonly string[] | undefined {
    const exact = this.answers.get(prefix);
    if (exact) return exact.tags;
    for (let end = prefix.length - 1; end >= MIN_PREFIX_LENGTH; end -= 1) {
      const shorter = this.answers.get(prefix.slice(0, end));
      if (shorter?.complete) return shorter.tags.filter((tag) => tag.startsWith(prefix));
    }
    return undefined;
  }
}
