import type { AutocompleteAnswer } from '../domain/suggest';

export interface PopularTag {
  readonly name: string;
  readonly count: number;
}

/** What the add field needs to suggest tags: the Zendesk API's autocomplete and a cached popular list. */
export interface SuggestionSource {
  autocomplete(prefix: string): Promise<AutocompleteAnswer>;
  /** Most popular first; called at most once per field. */
  popularTags(): Promise<readonly PopularTag[]>;
}
