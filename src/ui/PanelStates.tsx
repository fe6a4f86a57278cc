import styled from 'styled-components';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import type { RecordView } from '../domain/sync/view';
import { useTranslator } from '../i18n';
import { InlineButton } from './InlineButton';
import { readOnlyText } from './noticeText';

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
    <Subtle role="note" data-readonly={reason}>
      {readOnlyText(reason, t)}
    </Subtle>
  );
}

export function LoadFailed({ error, onRetry }: { error: NonNullable<RecordView['loadError']>; onRetry: () => void }) {
  const { t } = useTranslator();
  if (error.kind === 'forbidden') {
    const reason = error.forbiddenReason === 'tagging_disabled' ? 'tagging_disabled' : 'no_permission';
    return (
      <Alert type="warning" role="alert">
        <Alert.Paragraph>{readOnlyText(reason, t)}</Alert.Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="error" role="alert">
      <Alert.Paragraph>
        {error.kind === 'not_found' ? t('tagwise.panel.notFound') : t('tagwise.panel.loadFailed')}{' '}
        <InlineButton onClick={onRetry}>{t('tagwise.panel.retryLoad')}</InlineButton>
      </Alert.Paragraph>
    </Alert>
  );
}
