import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { RecordView } from '../domain/sync/view';
import { useTranslator } from '../i18n';

const Line = styled.p`
  margin: ${(p) => p.theme.space.xs} 0 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

/**
 * One line about the connection or the browser when it matters: Zendesk cannot be reached
 * (changes wait and go when it is back), or nothing in this browser can keep unsaved changes.
 */
export function SyncStatusNote({ view }: { view: RecordView }) {
  const { t } = useTranslator();
  if (view.offline) return <Line role="status" data-sync-status="offline">{t('tagwise.sync.offline')}</Line>;
  if (view.notKept) return <Line role="status" data-sync-status="not-kept">{t('tagwise.sync.notKept')}</Line>;
  return null;
}
