import { useEffect } from 'react';
import styled from 'styled-components';
import { Alert } from '@zendeskgarden/react-notifications';
import { getColor } from '@zendeskgarden/react-theming';
import type { Notice, RecordHandle } from '../domain/sync/view';
import { useTranslator } from '../i18n';
import { InlineButton } from './InlineButton';
import { noticeText } from './noticeText';

/** How long Undo stays offered. */
export const CHANGED_NOTICE_MS = 8000;
/** How long "Someone else added X" stays. */
export const EXTERNAL_NOTICE_MS = 6000;

const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`;

const Brief = styled(Alert)`
  padding-top: ${(p) => p.theme.space.xs};
  padding-bottom: ${(p) => p.theme.space.xs};
`;

/** One line, no box: a refused change on a record the agent may not tag (403). */
const Line = styled.p`
  margin: 0;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.warning' })};
`;

/** A change refused because tagging is off or the agent may not tag this record. */
export function isForbiddenNotice(notice: Notice): boolean {
  return notice.kind === 'rolled_back' && notice.error === 'forbidden';
}

function useAutoDismiss(handle: RecordHandle, notice: Notice, ms: number | null): void {
  useEffect(() => {
    if (ms === null) return;
    const timer = setTimeout(() => handle.dismissNotice(notice.id), ms);
    return () => clearTimeout(timer);
  }, [handle, notice.id, ms]);
}

function NoticeItem({ handle, notice }: { handle: RecordHandle; notice: Notice }) {
  const { t } = useTranslator();
  useAutoDismiss(handle, notice, notice.kind === 'changed' ? CHANGED_NOTICE_MS : notice.kind === 'external_change' ? EXTERNAL_NOTICE_MS : null);
  const text = noticeText(notice, t);

  if (isForbiddenNotice(notice)) {
    // Not an error box: the record is simply not the agent's to tag, and the line says why.
    return (
      <Line role="alert" data-forbidden="">
        {text} <InlineButton onClick={() => handle.dismissNotice(notice.id)}>{t('tagwise.notice.dismiss')}</InlineButton>
      </Line>
    );
  }
  if (notice.kind === 'rolled_back') {
    return (
      <Alert type="error" role="alert">
        <Alert.Paragraph>{text}</Alert.Paragraph>
        <Alert.Close aria-label={t('tagwise.notice.dismiss')} onClick={() => handle.dismissNotice(notice.id)} />
      </Alert>
    );
  }
  return (
    <Brief type={notice.kind === 'changed' ? 'success' : 'info'} role="none">
      <Alert.Paragraph>
        {text}{' '}
        {notice.kind === 'changed' && <InlineButton onClick={() => handle.undo(notice.change.id)}>{t('tagwise.notice.undo')}</InlineButton>}
      </Alert.Paragraph>
    </Brief>
  );
}

/**
 * Failures are alerts that stay until dismissed; confirmations (with Undo) and other
 * people's changes are brief and live in a polite status region that is always there,
 * so screen readers announce them.
 */
export function NoticeList({ handle, notices }: { handle: RecordHandle; notices: readonly Notice[] }) {
  const failures = notices.filter((n) => n.kind === 'rolled_back');
  const brief = notices.filter((n) => n.kind !== 'rolled_back');
  return (
    <>
      <Stack>
        {failures.map((notice) => (
          <NoticeItem key={notice.id} handle={handle} notice={notice} />
        ))}
      </Stack>
      <Stack role="status" aria-live="polite">
        {brief.map((notice) => (
          <NoticeItem key={notice.id} handle={handle} notice={notice} />
        ))}
      </Stack>
    </>
  );
}
