import { useMemo } from 'react';
import type { AppServices, SidebarLocation } from '../../app/bootstrap';
import type { RecordKind } from '../../domain/record';
import { useTranslator, type MessageKey } from '../../i18n';
import { LoadFailed, LoadingTags } from '../PanelStates';
import type { SuggestionSource } from '../suggestionSource';
import { TagPanel } from '../TagPanel';
import { useSidebar, type OpenSlot, type SidebarState } from './useSidebar';
import { useTicketProvenance } from './useTicketProvenance';

const KIND_TITLES: Record<RecordKind, MessageKey> = {
  ticket: 'tagwise.panel.ticket',
  user: 'tagwise.panel.user',
  organization: 'tagwise.panel.organization',
};

/** The region's name: the record's own kind, except the ticket's requester. */
function titleKey(role: OpenSlot['role'], kind: RecordKind): MessageKey {
  return role === 'requester' ? 'tagwise.panel.requester' : KIND_TITLES[kind];
}

export function useSuggestionSource(services: AppServices): SuggestionSource {
  return useMemo(() => ({ autocomplete: (prefix) => services.api.autocomplete(prefix), popularTags: services.popularTags }), [services]);
}

/** The panels of one sidebar location, one per record it shows. */
export function SidebarPanels({ services, location, withRequester = false }: { services: AppServices; location: SidebarLocation; withRequester?: boolean }) {
  const state = useSidebar(services, location, withRequester);
  const source = useSuggestionSource(services);
  if (state.status === 'loading') return <LoadingTags />;
  if (state.status === 'failed') return <LoadFailed error={{ kind: 'not_found' }} onRetry={() => window.location.reload()} />;
  return <ReadyPanels services={services} state={state} source={source} explainOrigins={location === 'ticket_sidebar'} />;
}

function ReadyPanels({
  services,
  state,
  source,
  explainOrigins,
}: {
  services: AppServices;
  state: Extract<SidebarState, { status: 'ready' }>;
  source: SuggestionSource;
  explainOrigins: boolean;
}) {
  const { t } = useTranslator();
  const requester = state.slots.find((slot) => slot.role === 'requester')?.handle;
  const { provenance, engage } = useTicketProvenance(services, requester, state.organizationTags);
  return (
    <>
      {state.slots.map(({ handle, role }) => {
        const { ref } = handle.getView();
        const explain = explainOrigins && role === 'primary';
        return (
          <TagPanel
            key={`${role}:${ref.kind}:${ref.id}`}
            handle={handle}
            title={t(titleKey(role, ref.kind))}
            suggestions={source}
            {...(explain ? { provenance, onEngage: engage } : {})}
          />
        );
      })}
    </>
  );
}
