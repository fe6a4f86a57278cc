import { useEffect, useMemo, useRef, useState } from 'react';
import { MIN_PREFIX_LENGTH, PrefixCache, currentToken, rankSuggestions } from '../domain/suggest';
import type { SuggestionSource } from './suggestionSource';

/** Quiet time before asking Zendesk, so a burst of keystrokes costs one request. */
export const AUTOCOMPLETE_DEBOUNCE_MS = 150;

interface Answer {
  readonly prefix: string;
  readonly tags: readonly string[];
}

/**
 * Suggestions for the word being typed. Only the newest query may show: an older, slower
 * answer is cached but never displayed. A prefix already known (or an extension of a
 * complete one) is answered without a request.
 */
export function useSuggestions(source: SuggestionSource | undefined, text: string, present: readonly string[]): readonly string[] {
  const { token } = currentToken(text);
  const cache = useRef(new PrefixCache());
  const latest = useRef(token);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [popular, setPopular] = useState<readonly string[]>([]);
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
      (tags) => mounted.current && setPopular(tags.map((t) => t.name)),
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
          if (forNow) setAnswer({ prefix: now, tags: forNow });
        },
        () => undefined, // No suggestions is fine; typing still works.
      );
    }, AUTOCOMPLETE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [token, wanted, source]);

  return useMemo(() => {
    if (!wanted) return [];
    const fromServer = answer?.prefix === token ? answer.tags : [];
    return rankSuggestions([...fromServer, ...popular], { prefix: token, popular, exclude: present });
  }, [wanted, answer, token, popular, present]);
}
