import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MIN_PREFIX_LENGTH, PrefixCache, currentToken, rankSuggestions } from '../../domain/suggest';
import type { PopularTag, SuggestionSource } from './suggestionSource';

/** Quiet time before asking Zendesk, so a burst of keystrokes costs one request. */
export const AUTOCOMPLETE_DEBOUNCE_MS = 150;

interface Answer {
  readonly prefix: string;
  readonly tags: readonly string[];
}

export interface SuggestionState {
  /** The word being typed, normalised. */
  readonly token: string;
  /** Suggestions for it, ranked. */
  readonly names: readonly string[];
  /** The account's cached popular tags with their counts, most popular first (empty until asked). */
  readonly popular: readonly PopularTag[];
  /** What the account has that starts with `prefix`, when already known here (no request). */
  readonly known: (prefix: string) => readonly string[] | undefined;
  /** The same, asking Zendesk's autocomplete when not known; the answer is kept for later. */
  readonly ask: (prefix: string) => Promise<readonly string[]>;
}

/**
 * Suggestions for the word being typed. Only the newest query may show: an older, slower
 * answer is cached but never displayed. A prefix already known (or an extension of a
 * complete one) is answered without a request.
 */
export function useSuggestionState(source: SuggestionSource | undefined, text: string, present: readonly string[]): SuggestionState {
  const { token } = currentToken(text);
  const cache = useRef(new PrefixCache());
  const latest = useRef(token);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [popular, setPopular] = useState<readonly PopularTag[]>([]);
  const popularAsked = useRef(false);
  const wanted = source !== undefined && token.length >= MIN_PREFIX_LENGTH;

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Popular tags: once per field, and only when the agent starts typing. The answer is kept
  // even if the agent erased the text meanwhile: it is asked only once.
  useEffect(() => {
    if (!wanted || popularAsked.current || !source) return;
    popularAsked.current = true;
    source.popularTags().then(
      (tags) => mounted.current && setPopular(tags),
      () => undefined, // Ranking without popularity is still useful.
    );
  }, [wanted, source]);

  useEffect(() => {
    latest.current = token;
    if (!wanted || !source) return;
    const known = cache.current.lookup(token);
    if (known) {
      setAnswer({ prefix: token, tags: known });
      return;
    }
    const timer = setTimeout(() => {
      source.autocomplete(token).then(
        (found) => {
          cache.current.store(token, found);
          // The field may have moved on: show only what answers the newest query.
          const now = latest.current;
          const forNow = cache.current.lookup(now);
          if (forNow && mounted.current) setAnswer({ prefix: now, tags: forNow });
        },
        () => undefined, // No suggestions is fine; typing still works.
      );
    }, AUTOCOMPLETE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [token, wanted, source]);

  const popularNames = useMemo(() => popular.map((tag) => tag.name), [popular]);
  const names = useMemo(() => {
    if (!wanted) return [];
    const fromServer = answer?.prefix === token ? answer.tags : [];
    return rankSuggestions([...fromServer, ...popularNames], { prefix: token, popular: popularNames, exclude: present });
  }, [wanted, answer, token, popularNames, present]);

  const known = useCallback((prefix: string) => cache.current.lookup(prefix), []);
  const ask = useCallback(
    async (prefix: string) => {
      const cached = cache.current.lookup(prefix);
      if (cached || !source) return cached ?? [];
      const found = await source.autocomplete(prefix);
      cache.current.store(prefix, found);
      return found.tags;
    },
    [source],
  );

  return useMemo(() => ({ token, names, popular, known, ask }), [token, names, popular, known, ask]);
}

/** The ranked suggestions alone. */
export function useSuggestions(source: SuggestionSource | undefined, text: string, present: readonly string[]): readonly string[] {
  return useSuggestionState(source, text, present).names;
}
