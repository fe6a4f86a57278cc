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
import type { FilterResult } from './filter';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

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
  const page = suggest.AUTOCOMPLETE_PAGE_SIZE;
  const answers = new Map<string, string[]>();
  const answerFor = (prefix: string) => {
    let a = answers.get(prefix);
    if (!a) answers.set(prefix, (a = popularList.filter((n) => n.startsWith(prefix)).slice(0, page)));
    return a;
  };
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        const text = word.slice(0, i);
        const answered = answerFor(suggest.currentToken(text).token);
        const t0 = performance.now();
        const { token } = suggest.currentToken(text);
        if (token.length >= suggest.MIN_PREFIX_LENGTH) {
          const ranked = suggest.rankSuggestions([...answered, ...popularList], { prefix: token, popular: popularList, exclude: present });
          ruledOptions({ token, ranked, popular, popularNames, answered, present, rules });
        }
        const dt = performance.now() - t0;
        if (round > 0) samples.push(dt);
      }
    }
  }
  samples.sort((a, b) => a - b);
  return { popular: popular.length, keystrokes: samples.length, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: samples[samples.length - 1] ?? NaN };
}
