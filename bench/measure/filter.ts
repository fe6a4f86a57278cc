/**
 * Per-keystroke cost of suggestions against a large popular list: what useSuggestions
 * computes on every keystroke (the word being typed, the known autocomplete answer for it,
 * then rankSuggestions over that answer plus the popular names), timed in Node.
 */
import { createPopularTags } from '../../dev/zendesk/seed.mjs';
import * as suggest from '../../src/domain/suggest';

export interface FilterResult {
  popular: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function measureFilter(size = 20_000, words = ['onboarding', 'priority_high', 'billing', 'campaign_0042', 'escalated'], rounds = 15): FilterResult {
  const popular = createPopularTags(size).map((t: { name: string }) => t.name);
  const present = ['billing', 'refund', 'vip_contact', 'newsletter', 'enterprise', 'vip'];
  const page = suggest.AUTOCOMPLETE_PAGE_SIZE ?? 100;
  // What the server's autocomplete would answer for each prefix (names that start with it, one page).
  const answers = new Map<string, string[]>();
  const answerFor = (prefix: string) => {
    let a = answers.get(prefix);
    if (!a) answers.set(prefix, (a = popular.filter((n: string) => n.startsWith(prefix)).slice(0, page)));
    return a;
  };
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        const text = word.slice(0, i);
        const fromServer = answerFor(suggest.currentToken(text).token);
        const t0 = performance.now();
        const { token } = suggest.currentToken(text);
        if (token.length >= suggest.MIN_PREFIX_LENGTH) {
          suggest.rankSuggestions([...fromServer, ...popular], { prefix: token, popular, exclude: present });
        }
        const dt = performance.now() - t0;
        if (round > 0) samples.push(dt); // the first round warms the JIT
      }
    }
  }
  samples.sort((a, b) => a - b);
  return { popular: popular.length, keystrokes: samples.length, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: samples[samples.length - 1] ?? NaN };
}

// Built as one module with this file (bench/lib/build.mjs): the rules' row lives beside it.
export { measureRuledFilter } from './ruledFilter';
