import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppServices } from '../../app/bootstrap';
import type { FieldTag, ProvenanceSources } from '../../domain/provenance';
import type { RecordHandle, RecordView } from '../../domain/sync/view';

const noSubscribe = () => () => undefined;
const noView = (): RecordView | undefined => undefined;

function useOptionalView(handle: RecordHandle | undefined): RecordView | undefined {
  return useSyncExternalStore(handle?.subscribe ?? noSubscribe, handle?.getView ?? noView, handle?.getView ?? noView);
}

/**
 * Where the ticket's tags come from: the requester's and the organization's tags (live, from
 * their groups), and ticket field options. Field options cost a request, so they load only
 * once the agent reaches for the ticket panel (and are cached per account).
 */
export function useTicketProvenance(
  services: AppServices,
  requester: RecordHandle | undefined,
  organization: RecordHandle | undefined,
): { provenance: ProvenanceSources; engage: () => void } {
  const requesterView = useOptionalView(requester);
  const organizationView = useOptionalView(organization);
  const [fieldTags, setFieldTags] = useState<readonly FieldTag[]>([]);
  const asked = useRef(false);

  const engage = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    services.ticketFieldTags().then(setFieldTags, () => undefined);
  }, [services]);

  const requesterTags = requesterView?.tags;
  const organizationTags = organizationView?.tags;
  const provenance = useMemo<ProvenanceSources>(
    () => ({
      ...(requesterTags ? { requesterTags: requesterTags.map((t) => t.name) } : {}),
      ...(organizationTags ? { organizationTags: organizationTags.map((t) => t.name) } : {}),
      fieldTags,
    }),
    [requesterTags, organizationTags, fieldTags],
  );
  return { provenance, engage };
}
