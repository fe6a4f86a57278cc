import { useEffect, useMemo, useRef, useState } from 'react';
import { emptyFieldOffers } from '../domain/recentTags';
import { MAX_SUGGESTIONS } from '../domain/suggest';
import type { SuggestionSource } from './suggestionSource';

export interface FieldOffers {
  /** What the empty, open field offers: recent tags, then the most used ones. */
  readonly empty: readonly string[];
  /** Of those, the ones offered because the agent used them lately. */
  readonly recent: ReadonlySet<string>;
  /** Ticket counts from the popular list, by tag name (shown beside each suggestion). */
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * The popular list's counts, and what the field offers before anything is typed. The
 * popular list is asked for (once) when the field opens; it is cached per account.
 */
export function useFieldOffers(source: SuggestionSource | undefined, open: boolean, present: readonly string[]): FieldOffers {
  const [popular, setPopular] = useState<readonly { readonly name: string; readonly count: number }[]>([]);
  const asked = useRef(false);
  useEffect(() => {
    if (!open || asked.current || !source) return;
    asked.current = true;
    let live = true;
    source.popularTags().then(
      (tags) => live && setPopular(tags),
      () => undefined, // The field still takes typing.
    );
    return () => {
      live = false;
    };
  }, [open, source]);
  const recentNow = open ? (source?.recent?.list() ?? []) : [];
  const recentKey = recentNow.join(' ');
  return useMemo(() => {
    const offers = emptyFieldOffers(
      recentKey ? recentKey.split(' ') : [],
      popular.map((tag) => tag.name),
      present,
      MAX_SUGGESTIONS,
    );
    return {
      empty: offers.map((offer) => offer.name),
      recent: new Set(offers.filter((offer) => offer.reason === 'recent').map((offer) => offer.name)),
      counts: new Map(popular.map((tag) => [tag.name, tag.count])),
    };
  }, [recentKey, popular, present]);
}
