import { useEffect, useMemo, useRef, useState } from 'react';
import { emptyFieldOffers } from '../../domain/recentTags';
import { MAX_SUGGESTIONS } from '../../domain/suggest';
import type { SuggestionSource } from './suggestionSource';

export interface FieldOffers {
  /** What the empty, open field offers: recent tags, then the most used ones. */
  readonly empty: readonly string[];
  /** The tags the agent used lately (those offered say so). */
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
    const recent = recentKey ? recentKey.split(' ') : [];
    return {
      empty: emptyFieldOffers(recent, popular.map((tag) => tag.name), present, MAX_SUGGESTIONS),
      recent: new Set(recent),
      counts: new Map(popular.map((tag) => [tag.name, tag.count])),
    };
  }, [recentKey, popular, present]);
}
