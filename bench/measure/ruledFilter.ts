/**
 * Per-keystroke cost of suggestions under the admin's rules, "did you mean" included: what
 * `useRuledField` computes on every keystroke (the word being typed, the ranked prefix
 * suggestions over the autocomplete answer plus the popular names, then `ruledOptions`:
 * protected tags out, whether the word exists, and the closest existing tag over all
 * 20,000 cached account tags), timed in Node. The words include near-misses, so the
 * similarity search runs over the whole list on most keystrokes.
 */
import { createPopularTags } from '../../dev/zendesk/seed.mjs';
import { parseTagRules } from '../../src/domain/rules';
import * as suggest from '../../src/domain/suggest';
import { ruledOptions } from '../../src/ui/rules/ruledOptions';
import { timeKeystrokes, type FilterResult } from './keystrokes';

export function measureRuledFilter(
  size = 20_000,
  words = ['biling', 'refunds', 'onbaording', 'priority-high', 'escalatd', 'campaign_0042'],
  rounds = 15,
): FilterResult {
  const popular: { name: string; count: number }[] = createPopularTags(size);
  const popularList = popular.map((t) => t.name);
  const popularNames = new Set(popularList);
  const present = ['billing', 'refund', 'vip_contact', 'newsletter', 'enterprise', 'vip'];
  const { rules } = parseTagRules({ confirm_new_tags: true, protected_tags: 'sla_*\nvip\nhold_*', tag_descriptions: 'vip: contract customers' });
  return timeKeystrokes(popularList, words, rounds, (token, answered) => {
    const ranked = suggest.rankSuggestions([...answered, ...popularList], { prefix: token, popular: popularList, exclude: present });
    ruledOptions({ token, ranked, popular, popularNames, answered: [...answered], present, rules });
  });
}
