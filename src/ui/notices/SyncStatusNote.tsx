import type { RecordView } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { Message, MessageText } from './Message';

/**
 * One line about the connection or the browser when it matters: Zendesk cannot be reached
 * (changes wait and go when it is back), or nothing in this browser can keep unsaved changes.
 */
export function SyncStatusNote({ view }: { view: RecordView }) {
  const { t } = useTranslator();
  const status = view.offline ? 'offline' : view.notKept ? 'not-kept' : null;
  if (!status) return null;
  return (
    <Message type={view.offline ? 'warning' : 'info'} role="status" data-sync-status={status}>
      <MessageText>{t(view.offline ? 'tagwise.sync.offline' : 'tagwise.sync.notKept')}</MessageText>
    </Message>
  );
}
