import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { TagSyncState } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { GardenIcon } from '../icons/GardenIcon';

const Mark = styled.span<{ $state: TagSyncState }>`
  display: inline-flex;
  align-items: center;
  margin-inline-start: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: p.$state === 'failed' ? 'foreground.danger' : 'foreground.default' })};
`;

/**
 * Beside a tag's name, a labelled Garden icon for each state but saved: turning arrows while
 * saving, a clock while Zendesk asks us to wait, an alert when a change failed. Each state has
 * its own shape, so none relies on colour. The failed one says nothing itself: the row's text
 * beside it says what did not happen ("Not added").
 */
export function SyncIndicator({ state }: { state: TagSyncState }) {
  const { t } = useTranslator();
  if (state === 'saved') return null;
  if (state === 'failed') {
    return (
      <Mark aria-hidden="true" data-sync={state} $state={state}>
        <GardenIcon name="alertError" />
      </Mark>
    );
  }
  const label = state === 'saving' ? t('tagwise.tag.saving') : t('tagwise.tag.waiting');
  return (
    <Mark role="img" aria-label={label} data-sync={state} $state={state}>
      <GardenIcon name={state === 'saving' ? 'reload' : 'clock'} spin={state === 'saving'} />
    </Mark>
  );
}
