import type { RecentTags } from '../../domain/recentTags';
import type { AutocompleteAnswer } from '../../domain/suggest';

export interface PopularTag {
  readonly name: string;
  readonly count: number;
}

/** What the add field needs to suggest tags: the Zendesk API's autocomplete and a cached popular list. */
export interface SuggestionSource {
  autocomplete(prefix: string): Promise<AutocompleteAnswer>;
  /** Most popular first; called at most once per field. */
  popularTags(): Promise<readonly PopularTag[]>;
  /** Offered first by the empty field; absent, it offers popular tags only. */
  readonly recent?: RecentTags;
}

/** The same source, asking for the popular list at most once (several hooks read it). */
export function sharePopularTags(source: SuggestionSource): SuggestionSource {
  let asked: ReturnType<SuggestionSource['popularTags']> | undefined;
  return { ...source, popularTags: () => (asked ??= source.popularTags()) };
}
