import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import type { RecordView } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { InlineButton } from '../InlineButton';
import { Message, MessageText } from '../notices/Message';
import { readOnlyText } from '../notices/noticeText';

export { LoadingTags } from './LoadingTags';

const Subtle = styled.p`
  margin: 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

export function NoTags() {
  const { t } = useTranslator();
  return <Subtle>{t('tagwise.panel.empty')}</Subtle>;
}

/** Why the tags cannot change here, in one sentence (closed ticket, tagging off, no permission). */
export function ReadOnlyNote({ reason }: { reason: NonNullable<RecordView['readOnly']> }) {
  const { t } = useTranslator();
  return (
    <Message type="info" role="note" data-readonly={reason}>
      <MessageText>{readOnlyText(reason, t)}</MessageText>
    </Message>
  );
}

export function LoadFailed({ error, onRetry }: { error: NonNullable<RecordView['loadError']>; onRetry: () => void }) {
  const { t } = useTranslator();
  if (error.kind === 'forbidden') {
    const reason = error.forbiddenReason === 'tagging_disabled' ? 'tagging_disabled' : 'no_permission';
    return (
      <Message type="warning" role="alert">
        <MessageText>{readOnlyText(reason, t)}</MessageText>
      </Message>
    );
  }
  return (
    <Message type="error" role="alert">
      <MessageText>
        {error.kind === 'not_found' ? t('tagwise.panel.notFound') : t('tagwise.panel.loadFailed')}{' '}
        <InlineButton onClick={onRetry}>{t('tagwise.panel.retryLoad')}</InlineButton>
      </MessageText>
    </Message>
  );
}
