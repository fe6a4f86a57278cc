import { useCallback, useEffect, useState } from 'react';
import { asApiError } from '../../domain/errors';
import type { AccountTag, BulkApi } from '../../zendesk/bulkApi';

export interface AccountTagsState {
  readonly tags: readonly AccountTag[];
  readonly loading: boolean;
  /** How many tags Zendesk says there are (for the progress bar), once known. */
  readonly total: number | undefined;
  readonly error: string | undefined;
  readonly reload: () => void;
}

/** Every page of the account's tags (cursor pages of 100, up to Zendesk's 20,000). */
export function useAccountTags(api: BulkApi): AccountTagsState {
  const [tags, setTags] = useState<readonly AccountTag[]>([]);
  const [loading, setLoading] = useState(true);
  const [total, setTotal] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    setTags([]);
    api.tagCount().then(
      (n) => live && setTotal(n),
      () => undefined, // the bar then shows pages loaded without a total
    );
    void (async () => {
      const all: AccountTag[] = [];
      let after: string | null = null;
      try {
        do {
          const page = await api.accountTags(after);
          all.push(...page.value.tags);
          after = page.value.after;
          if (live) setTags([...all]);
        } while (after && live);
        if (live) setLoading(false);
      } catch (raw) {
        if (!live) return;
        setError(asApiError(raw).message);
        setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { tags, loading, total, error, reload };
}
