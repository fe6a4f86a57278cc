import { useCallback, useState } from 'react';
import styled from 'styled-components';
import type { TagOrigin } from '../../domain/provenance';
import type { RecordHandle } from '../../domain/sync/view';
import { useTranslator } from '../../i18n';
import { InlineButton } from '../InlineButton';
import { Message } from '../notices/Message';
import { useRecordView } from './useRecordView';

/** The records a ticket's tags may come from, as the ticket sidebar opened them. */
export interface TicketOwners {
  readonly requester?: RecordHandle | undefined;
  readonly organization?: RecordHandle | undefined;
}

type OwnerRole = keyof TicketOwners;

/** Whether the ticket fields were known when the tag was removed, and since. */
export type FieldCheck = 'done' | 'checking' | 'failed';

interface Advice {
  readonly id: number;
  readonly tag: string;
  readonly origin: TagOrigin;
  /** Owners the agent removed the tag from through this advice. */
  readonly removedFrom: readonly OwnerRole[];
  /** checking: the fields were not in yet, the warning follows; failed: could not check. */
  readonly fieldCheck: FieldCheck;
}

const NO_ORIGIN: TagOrigin = { fromRequester: false, fromOrganization: false, fields: [] };
const hasOrigin = (o: TagOrigin) => o.fromRequester || o.fromOrganization || o.fields.length > 0;

/** Keeps what the agent should know after removing inherited or field-backed tags. */
export function useRemovalAdvice(): {
  advice: readonly Advice[];
  note: (tag: string, origin: TagOrigin | undefined, fieldCheck?: FieldCheck) => void;
  /** The fields came in (or failed): advice still checking takes each tag's origin now. */
  settleFields: (originOf: (tag: string) => TagOrigin | undefined, failed: boolean) => void;
  markRemoved: (id: number, role: OwnerRole) => void;
  dismiss: (id: number) => void;
} {
  const [advice, setAdvice] = useState<readonly Advice[]>([]);
  const note = useCallback((tag: string, origin: TagOrigin | undefined, fieldCheck: FieldCheck = 'done') => {
    if (!origin && fieldCheck === 'done') return;
    setAdvice((list) => [
      // The newest few only: a long trail of old advice helps nobody.
      ...list.filter((a) => a.tag !== tag).slice(-2),
      { id: nextId(), tag, origin: origin ?? NO_ORIGIN, removedFrom: [], fieldCheck },
    ]);
  }, []);
  const settleFields = useCallback((originOf: (tag: string) => TagOrigin | undefined, failed: boolean) => {
    setAdvice((list) => {
      if (!list.some((a) => a.fieldCheck === 'checking')) return list;
      return list.flatMap((a) => {
        if (a.fieldCheck !== 'checking') return [a];
        if (failed) return [{ ...a, fieldCheck: 'failed' as const }];
        const fields = originOf(a.tag)?.fields ?? [];
        const origin = { ...a.origin, fields };
        return hasOrigin(origin) ? [{ ...a, origin, fieldCheck: 'done' as const }] : [];
      });
    });
  }, []);
  const markRemoved = useCallback((id: number, role: OwnerRole) => {
    setAdvice((list) => list.map((a) => (a.id === id ? { ...a, removedFrom: [...a.removedFrom, role] } : a)));
  }, []);
  const dismiss = useCallback((id: number) => setAdvice((list) => list.filter((a) => a.id !== id)), []);
  return { advice, note, settleFields, markRemoved, dismiss };
}

let adviceSeq = 0;
function nextId(): number {
  adviceSeq += 1;
  return adviceSeq;
}

const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`;

const noSubscribe = () => () => undefined;

/** Whether removing `tag` from the owner can be offered (open, editable, still has the tag). */
function useCanRemoveFrom(handle: RecordHandle | undefined, tag: string): boolean {
  const view = useRecordView(handle ?? NO_HANDLE);
  if (!handle) return false;
  return view.phase === 'ready' && !view.readOnly && view.tags.some((t) => t.name === tag);
}

const NO_HANDLE: RecordHandle = (() => {
  const view = { ref: { kind: 'user', id: 0 }, phase: 'loading', tags: [], notices: [], busy: false } as const;
  const noop = () => undefined;
  return {
    getView: () => view,
    subscribe: noSubscribe,
    add: noop,
    remove: noop,
    retry: noop,
    undo: noop,
    dismissNotice: noop,
    refresh: async () => undefined,
    observe: noop,
    close: noop,
  };
})();

function OwnerLine({ item, role, handle, onRemoved }: { item: Advice; role: OwnerRole; handle: RecordHandle | undefined; onRemoved: () => void }) {
  const { t } = useTranslator();
  const canRemove = useCanRemoveFrom(handle, item.tag);
  const done = item.removedFrom.includes(role);
  if (done) {
    return <p>{role === 'requester' ? t('tagwise.advice.removedFromRequester', { tag: item.tag }) : t('tagwise.advice.removedFromOrganization', { tag: item.tag })}</p>;
  }
  return (
    <p>
      {role === 'requester' ? t('tagwise.advice.fromRequester', { tag: item.tag }) : t('tagwise.advice.fromOrganization', { tag: item.tag })}
      {canRemove && handle && (
        <>
          {' '}
          <InlineButton
            onClick={() => {
              handle.remove([item.tag]);
              onRemoved();
            }}
          >
            {role === 'requester' ? t('tagwise.advice.removeFromRequester') : t('tagwise.advice.removeFromOrganization')}
          </InlineButton>
        </>
      )}
    </p>
  );
}

/**
 * After the agent removes a ticket tag that comes from the requester or the organization,
 * or that backs a ticket field: what that means, and (for inherited tags) the offer to remove
 * it where it comes from. A polite status region that is always there, so it is announced.
 */
export function RemovalAdvice({
  advice,
  owners,
  onRemoved,
  onDismiss,
}: {
  advice: readonly Advice[];
  owners: TicketOwners | undefined;
  onRemoved: (id: number, role: OwnerRole) => void;
  onDismiss: (id: number) => void;
}) {
  const { t } = useTranslator();
  return (
    <Stack role="status" aria-live="polite" data-advice="">
      {advice.map((item) => (
        // role none: the region around them is the (polite) status, not each advice an alert.
        <Message key={item.id} type="warning" role="none" data-advice-tag={item.tag}>
          {item.origin.fromRequester && <OwnerLine item={item} role="requester" handle={owners?.requester} onRemoved={() => onRemoved(item.id, 'requester')} />}
          {item.origin.fromOrganization && (
            <OwnerLine item={item} role="organization" handle={owners?.organization} onRemoved={() => onRemoved(item.id, 'organization')} />
          )}
          {item.origin.fields.map(({ field, option }) => (
            <p key={`${field}:${option}`}>{t('tagwise.advice.clearsField', { tag: item.tag, field, option })}</p>
          ))}
          {item.fieldCheck === 'checking' && <p data-field-check="checking">{t('tagwise.advice.checkingField', { tag: item.tag })}</p>}
          {item.fieldCheck === 'failed' && <p data-field-check="failed">{t('tagwise.advice.couldNotCheckField', { tag: item.tag })}</p>}
          <p>
            <InlineButton aria-label={t('tagwise.advice.dismiss', { tag: item.tag })} onClick={() => onDismiss(item.id)}>
              {t('tagwise.notice.dismiss')}
            </InlineButton>
          </p>
        </Message>
      ))}
    </Stack>
  );
}
