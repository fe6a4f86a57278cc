import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagSyncState } from '../domain/sync/view';
import { useTranslator } from '../i18n';
import { GardenIcon } from './icons/GardenIcon';

const Mark = styled.span<{ $state: TagSyncState }>`
  display: inline-flex;
  align-items: center;
  margin-inline-start: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: p.$state === 'failed' ? 'foreground.danger' : 'foreground.default' })};
`;

/**
 * Beside a tag's name, a labelled Garden icon for each state but saved: turning arrows while
 * saving, a clock while Zendesk asks us to wait, an alert when not saved. Each state has its
 * own shape, so none relies on colour.
 */
export function SyncIndicator({ state }: { state: TagSyncState }) {
  const { t } = useTranslator();
  if (state === 'saved') return null;
  const label = state === 'saving' ? t('tagwise.tag.saving') : state === 'waiting' ? t('tagwise.tag.waiting') : t('tagwise.tag.failed');
  return (
    <Mark role="img" aria-label={label} data-sync={state} $state={state}>
      <GardenIcon name={state === 'saving' ? 'reload' : state === 'waiting' ? 'clock' : 'alertError'} spin={state === 'saving'} />
    </Mark>
  );
}
