import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppServices } from '../../app/bootstrap';
import type { FieldTag, ProvenanceSources } from '../../domain/provenance';
import type { RecordHandle, RecordView } from '../../domain/sync/view';

const noSubscribe = () => () => undefined;
const noView = (): RecordView | undefined => undefined;

/**
 * Where the ticket's tags come from: the requester's tags (live, from their panel), the
 * organization's (from the screen), and ticket field options. Field options cost a request,
 * so they load only once the agent reaches for the ticket panel (and are cached per account).
 */
export function useTicketProvenance(
  services: AppServices,
  requester: RecordHandle | undefined,
  organizationTags: readonly string[] | undefined,
): { provenance: ProvenanceSources; engage: () => void } {
  const requesterView = useSyncExternalStore(requester?.subscribe ?? noSubscribe, requester?.getView ?? noView, requester?.getView ?? noView);
  const [fieldTags, setFieldTags] = useState<readonly FieldTag[]>([]);
  const asked = useRef(false);

  const engage = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    services.ticketFieldTags().then(setFieldTags, () => undefined);
  }, [services]);

  const requesterTags = requesterView?.tags;
  const provenance = useMemo<ProvenanceSources>(
    () => ({
      ...(requesterTags ? { requesterTags: requesterTags.map((t) => t.name) } : {}),
      ...(organizationTags ? { organizationTags } : {}),
      fieldTags,
    }),
    [requesterTags, organizationTags, fieldTags],
  );
  return { provenance, engage };
}
