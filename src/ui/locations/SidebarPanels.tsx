import { useMemo } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { AppServices, SidebarData, SidebarLocation } from '../../app/bootstrap';
import { sessionRecentTags } from '../../app/recentTags';
import type { RecordKind } from '../../domain/record';
import { useTranslator, type MessageKey } from '../../i18n';
import { FirstReadTags } from '../FirstPaint';
import { InlineButton } from '../InlineButton';
import { LoadFailed, LoadingTags } from '../panel/PanelStates';
import { SettingsProblems } from '../rules/SettingsProblems';
import { useTagRules } from '../rules/TagRulesContext';
import type { SuggestionSource } from '../addField/suggestionSource';
import { TagPanel } from '../panel/TagPanel';
import { useSidebar, type OpenSlot, type SidebarState } from './useSidebar';
import { useTicketProvenance } from './useTicketProvenance';

const KIND_TITLES: Record<RecordKind, MessageKey> = {
  ticket: 'tagwise.panel.ticket',
  user: 'tagwise.panel.user',
  organization: 'tagwise.panel.organization',
};

const ADD_LABELS: Record<RecordKind | 'requester', MessageKey> = {
  ticket: 'tagwise.add.labelFor.ticket',
  user: 'tagwise.add.labelFor.user',
  organization: 'tagwise.add.labelFor.organization',
  requester: 'tagwise.add.labelFor.requester',
};

/** The add field's name, unique on the page: "Add tags to ticket", "Add tags to requester"... */
function addLabelKey(role: OpenSlot['role'], kind: RecordKind): MessageKey {
  return ADD_LABELS[role === 'requester' ? 'requester' : kind];
}

/** The region's name: the record's own kind, except the ticket's requester. */
function titleKey(role: OpenSlot['role'], kind: RecordKind): MessageKey {
  return role === 'requester' ? 'tagwise.panel.requester' : KIND_TITLES[kind];
}

export function useSuggestionSource(services: AppServices): SuggestionSource {
  return useMemo(
    () => ({ autocomplete: services.autocomplete, popularTags: services.popularTags, recent: sessionRecentTags(services.account) }),
    [services],
  );
}

/** The panels of one sidebar location, one per record it shows. */
export function SidebarPanels({
  services,
  location,
  withRequester = false,
  firstRead,
}: {
  services: AppServices;
  location: SidebarLocation;
  withRequester?: boolean;
  firstRead?: Promise<SidebarData>;
}) {
  const state = useSidebar(services, location, withRequester, firstRead);
  const source = useSuggestionSource(services);
  const translator = useTranslator();
  const rules = useTagRules();
  // The first view shows the screen's tags as the first paint did until the records are open.
  if (state.status === 'loading') return firstRead ? <FirstReadTags read={firstRead} translator={translator} rules={rules} fallback={<LoadingTags />} /> : <LoadingTags />;
  if (state.status === 'failed') return <LoadFailed error={{ kind: 'not_found' }} onRetry={() => window.location.reload()} />;
  return (
    <>
      <SettingsProblems />
      {location === 'ticket_sidebar' ? (
        <TicketPanels services={services} state={state} source={source} />
      ) : (
        <RecordPanels services={services} state={state} source={source} />
      )}
    </>
  );
}

type Ready = Extract<SidebarState, { status: 'ready' }>;

/**
 * The ticket, its requester and its organization: one collapsible group each (the choice is
 * remembered per group kind), the ticket's tags explained by where they come from.
 */
function TicketPanels({ services, state, source }: { services: AppServices; state: Ready; source: SuggestionSource }) {
  const { t } = useTranslator();
  const requester = state.slots.find((slot) => slot.role === 'requester')?.handle;
  const organization = state.slots.find((slot) => slot.role === 'organization')?.handle;
  const { provenance, engage, fieldsKnown } = useTicketProvenance(services, requester, organization);
  const owners = useMemo(() => ({ requester, organization }), [requester, organization]);
  const { rules } = useTagRules();
  // A hidden group is still opened: the ticket's tags are explained by where they come from.
  const shown = state.slots.filter(
    ({ role }) => (role !== 'requester' || rules.showRequesterTags) && (role !== 'organization' || rules.showOrganizationTags),
  );
  return (
    <>
      {shown.map(({ handle, role }) => {
        const { ref } = handle.getView();
        const explain = role === 'primary';
        return (
          <TagPanel
            key={`${role}:${ref.kind}:${ref.id}`}
            handle={handle}
            title={t(titleKey(role, ref.kind))}
            addLabel={t(addLabelKey(role, ref.kind))}
            suggestions={source}
            collapseKind={role === 'primary' ? 'ticket' : role}
            {...(explain ? { provenance, onEngage: engage, owners, fieldsKnown } : {})}
          />
        );
      })}
    </>
  );
}

const Lead = styled.p`
  margin: 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

/** User and organization sidebars: the record's tags; a user's organization's, shown only. */
function RecordPanels({ services, state, source }: { services: AppServices; state: Ready; source: SuggestionSource }) {
  const { t } = useTranslator();
  return (
    <>
      {state.slots.map(({ handle, role, name }) => {
        const { ref } = handle.getView();
        if (role === 'organization') {
          const label = name ?? t('tagwise.panel.organizationFallback');
          return (
            <TagPanel
              key={`${role}:${ref.kind}:${ref.id}`}
              handle={handle}
              title={t(titleKey(role, ref.kind))}
              viewOnly
              lead={
                <Lead>
                  <InlineButton
                    aria-label={t('tagwise.panel.openOrganization', { name: label })}
                    onClick={() => void services.client.invoke('routeTo', 'organization', ref.id).catch(() => undefined)}
                  >
                    {label}
                  </InlineButton>{' '}
                  {t('tagwise.panel.organizationLead')}
                </Lead>
              }
            />
          );
        }
        return (
          <TagPanel
            key={`${role}:${ref.kind}:${ref.id}`}
            handle={handle}
            title={t(titleKey(role, ref.kind))}
            addLabel={t(addLabelKey(role, ref.kind))}
            suggestions={source}
          />
        );
      })}
    </>
  );
}
