import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError } from '../../domain/errors';
import type { ContentTag, ContentTagsApi } from '../../zendesk/contentTagsApi';

export interface ContentTagsState {
  readonly tags: readonly ContentTag[];
  /** How many content tags start with the prefix (Zendesk's count), once known. */
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly error: string | undefined;
  readonly hasMore: boolean;
  readonly more: () => void;
  readonly reload: () => void;
}

/** The content tags that start with `prefix`, a page at a time (Zendesk filters by prefix). */
export function useContentTags(api: ContentTagsApi, prefix: string): ContentTagsState {
  const [tags, setTags] = useState<readonly ContentTag[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const [after, setAfter] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  // Answers for an older prefix (the admin kept typing) are dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    Promise.all([api.page(prefix, null), api.count(prefix)]).then(
      ([page, count]) => {
        if (mine !== generation.current) return;
        setTags(page.tags);
        setAfter(page.after);
        setTotal(count);
        setLoading(false);
      },
      (raw: unknown) => {
        if (mine !== generation.current) return;
        setTags([]);
        setAfter(null);
        setTotal(undefined);
        setError(asApiError(raw).message);
        setLoading(false);
      },
    );
  }, [api, prefix, attempt]);

  const more = useCallback(() => {
    if (after === null) return;
    const mine = generation.current;
    setLoading(true);
    api.page(prefix, after).then(
      (page) => {
        if (mine !== generation.current) return;
        setTags((shown) => [...shown, ...page.tags.filter((t) => !shown.some((s) => s.id === t.id))]);
        setAfter(page.after);
        setLoading(false);
      },
      (raw: unknown) => {
        if (mine !== generation.current) return;
        setError(asApiError(raw).message);
        setLoading(false);
      },
    );
  }, [api, prefix, after]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { tags, total, loading, error, hasMore: after !== null, more, reload };
}
