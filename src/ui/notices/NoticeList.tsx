import { useEffect } from 'react';
import styled from 'styled-components';
import { Alert } from '@zendeskgarden/react-notifications';
import type { ChangeSummary, Notice, RecordHandle } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { InlineButton } from '../InlineButton';
import { Message, MessageText } from './Message';
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

/** A change refused because tagging is off or the agent may not tag this record. */
export function isForbiddenNotice(notice: Notice): boolean {
  return notice.kind === 'change' && notice.status === 'refused' && notice.error === 'forbidden';
}

/** Failed and refused changes stay until dismissed; the others go after a while. */
function dismissAfter(notice: Notice): number | null {
  if (notice.kind === 'external_change') return EXTERNAL_NOTICE_MS;
  return notice.status === 'done' ? CHANGED_NOTICE_MS : null;
}

function useAutoDismiss(handle: RecordHandle, notice: Notice): void {
  const ms = dismissAfter(notice);
  // Counted from the moment the notice reached this state (a "sending" one never goes).
  const state = notice.kind === 'change' ? notice.status : notice.kind;
  useEffect(() => {
    if (ms === null) return;
    const timer = setTimeout(() => handle.dismissNotice(notice.id), ms);
    return () => clearTimeout(timer);
  }, [handle, notice.id, ms, state]);
}

/** Undo of one change: the notice sends it; the panel moves focus where the agent expects. */
export type OnUndo = (change: ChangeSummary) => void;

function NoticeItem({ handle, notice, readOnly, onUndo }: { handle: RecordHandle; notice: Notice; readOnly: boolean; onUndo?: OnUndo | undefined }) {
  const { t } = useTranslator();
  useAutoDismiss(handle, notice);
  const text = noticeText(notice, t);

  if (isForbiddenNotice(notice)) {
    // A warning, not an error: the record is simply not the agent's to tag, and it says why.
    return (
      <Message type="warning" role="alert" data-forbidden="" data-notice="refused">
        <MessageText>
          {text} <InlineButton onClick={() => handle.dismissNotice(notice.id)}>{t('tagwise.notice.dismiss')}</InlineButton>
        </MessageText>
      </Message>
    );
  }
  if (notice.kind === 'change' && (notice.status === 'failed' || notice.status === 'refused')) {
    return (
      <Message type="error" role="alert" data-notice={notice.status}>
        <MessageText>{text}</MessageText>
        <Alert.Close aria-label={t('tagwise.notice.dismiss')} onClick={() => handle.dismissNotice(notice.id)} />
      </Message>
    );
  }
  const done = notice.kind === 'change' && notice.status === 'done';
  // Undo only for a change Zendesk confirmed, and never on a record that turned read-only
  // (the panel says why there).
  const undoable = notice.kind === 'change' && done && !notice.change.undoes && !readOnly;
  return (
    <Message type={done ? 'success' : 'info'} role="status" data-notice={notice.kind === 'change' ? notice.status : 'external'}>
      <MessageText>
        {text}{' '}
        {undoable && (
          <InlineButton
            onClick={() => {
              handle.undo(notice.change.id);
              onUndo?.(notice.change);
            }}
          >
            {t('tagwise.notice.undo')}
          </InlineButton>
        )}
      </MessageText>
    </Message>
  );
}

/**
 * One notice per change, in the order the changes were made, each in its own place as it
 * moves from "Adding…" to "Added" (a polite status) or to "Couldn't add" (an alert that stays
 * until dismissed). Other people's changes are brief statuses too.
 */
export function NoticeList({
  handle,
  notices,
  readOnly = false,
  onUndo,
}: {
  handle: RecordHandle;
  notices: readonly Notice[];
  readOnly?: boolean;
  onUndo?: OnUndo;
}) {
  return (
    <Stack data-notices="">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} handle={handle} notice={notice} readOnly={readOnly} onUndo={onUndo} />
      ))}
    </Stack>
  );
}
