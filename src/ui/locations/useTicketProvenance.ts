import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppServices } from '../../app/bootstrap';
import type { FieldTag, ProvenanceSources } from '../../domain/provenance';
import type { RecordHandle, RecordView } from '../../domain/sync/view';

const noSubscribe = () => () => undefined;
const noView = (): RecordView | undefined => undefined;

function useOptionalView(handle: RecordHandle | undefined): RecordView | undefined {
  return useSyncExternalStore(handle?.subscribe ?? noSubscribe, handle?.getView ?? noView, handle?.getView ?? noView);
}

/** Whether the ticket fields' tag options are known yet. */
export type FieldsKnown = 'loading' | 'ready' | 'failed';

/**
 * Where the ticket's tags come from: the requester's and the organization's tags (live, from
 * their groups), and ticket field options. Field options cost a request (cached per account),
 * asked right after the tags paint, so they are known before the agent can remove a tag; a
 * failed ask is repeated when the agent reaches for the panel.
 */
export function useTicketProvenance(
  services: AppServices,
  requester: RecordHandle | undefined,
  organization: RecordHandle | undefined,
): { provenance: ProvenanceSources; engage: () => void; fieldsKnown: FieldsKnown } {
  const requesterView = useOptionalView(requester);
  const organizationView = useOptionalView(organization);
  const [fieldTags, setFieldTags] = useState<readonly FieldTag[]>([]);
  const [fieldsKnown, setFieldsKnown] = useState<FieldsKnown>('loading');
  const asking = useRef(false);

  const engage = useCallback(() => {
    if (asking.current || fieldsKnown === 'ready') return;
    asking.current = true;
    setFieldsKnown('loading');
    services.ticketFieldTags().then(
      (tags) => {
        asking.current = false;
        setFieldTags(tags);
        setFieldsKnown('ready');
      },
      () => {
        asking.current = false;
        setFieldsKnown('failed');
      },
    );
  }, [services, fieldsKnown]);

  // An effect runs after the paint: the tags show first, then the fields are asked for.
  useEffect(() => {
    engage();
    // Once per mount; later asks come from the agent reaching for the panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
  return { provenance, engage, fieldsKnown };
}
