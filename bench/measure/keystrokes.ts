/**
 * The keystroke loop both suggestion rows share: each word is typed one letter at a time, the
 * autocomplete answer for the word so far is known beforehand (as a warm cache would have it),
 * and only `perKeystroke` is timed. The first round warms the JIT and is not counted.
 */
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

export function timeKeystrokes(
  names: readonly string[],
  words: readonly string[],
  rounds: number,
  perKeystroke: (token: string, answered: readonly string[]) => void,
): FilterResult {
  const answers = new Map<string, string[]>();
  // What the server's autocomplete would answer for each prefix (names that start with it, one page).
  const answerFor = (prefix: string) => {
    let a = answers.get(prefix);
    if (!a) answers.set(prefix, (a = names.filter((n) => n.startsWith(prefix)).slice(0, suggest.AUTOCOMPLETE_PAGE_SIZE)));
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
        if (token.length >= suggest.MIN_PREFIX_LENGTH) perKeystroke(token, answered);
        const dt = performance.now() - t0;
        if (round > 0) samples.push(dt);
      }
    }
  }
  samples.sort((a, b) => a - b);
  return { popular: names.length, keystrokes: samples.length, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), maxMs: samples[samples.length - 1] ?? NaN };
}
