/**
 * Per-keystroke cost of suggestions against a large popular list: what useSuggestions
 * computes on every keystroke (the word being typed, the known autocomplete answer for it,
 * then rankSuggestions over that answer plus the popular names), timed in Node.
 */
import { createPopularTags } from '../../dev/zendesk/seed.mjs';
import * as suggest from '../../src/domain/suggest';
import { timeKeystrokes, type FilterResult } from './keystrokes';

export type { FilterResult } from './keystrokes';

export function measureFilter(size = 20_000, words = ['onboarding', 'priority_high', 'billing', 'campaign_0042', 'escalated'], rounds = 15): FilterResult {
  const popular = createPopularTags(size).map((t: { name: string }) => t.name);
  const present = ['billing', 'refund', 'vip_contact', 'newsletter', 'enterprise', 'vip'];
  return timeKeystrokes(popular, words, rounds, (token, answered) => {
    suggest.rankSuggestions([...answered, ...popular], { prefix: token, popular, exclude: present });
  });
}

// Built as one module with this file (bench/lib/build.mjs): the rules' row lives beside it.
export { measureRuledFilter } from './ruledFilter';
