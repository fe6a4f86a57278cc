import { useMemo } from 'react';
import type { AppServices, SidebarLocation } from '../../app/bootstrap';
import { useTranslator, type MessageKey } from '../../i18n';
import { LoadFailed, LoadingTags } from '../PanelStates';
import type { SuggestionSource } from '../suggestionSource';
import { TagPanel } from '../TagPanel';
import { useSidebar, type OpenSlot } from './useSidebar';

const TITLES: Record<OpenSlot['role'], Record<'ticket' | 'user' | 'organization', MessageKey>> = {
  primary: { ticket: 'tagwise.panel.ticket', user: 'tagwise.panel.user', organization: 'tagwise.panel.organization' },
  requester: { ticket: 'tagwise.panel.requester', user: 'tagwise.panel.requester', organization: 'tagwise.panel.requester' },
  organization: { ticket: 'tagwise.panel.organization', user: 'tagwise.panel.organization', organization: 'tagwise.panel.organization' },
};

export function useSuggestionSource(services: AppServices): SuggestionSource {
  return useMemo(() => ({ autocomplete: (prefix) => services.api.autocomplete(prefix), popularTags: services.popularTags }), [services]);
}

/** The panels of one sidebar location, one per record it shows. */
export function SidebarPanels({ services, location, withRequester = false }: { services: AppServices; location: SidebarLocation; withRequester?: boolean }) {
  const { t } = useTranslator();
  const state = useSidebar(services, location, withRequester);
  const source = useSuggestionSource(services);
  if (state.status === 'loading') return <LoadingTags />;
  if (state.status === 'failed') return <LoadFailed error={{ kind: 'not_found' }} onRetry={() => window.location.reload()} />;
  return (
    <>
      {state.slots.map(({ handle, role }) => (
        <TagPanel key={`${role}:${handle.getView().ref.kind}`} handle={handle} title={t(TITLES[role][handle.getView().ref.kind])} suggestions={source} />
      ))}
    </>
  );
}
