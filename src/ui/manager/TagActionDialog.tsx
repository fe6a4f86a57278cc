import { useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import type { TagOperation } from '../../domain/bulk/operation';
import { checkMergeTarget, checkNewName, MAX_TAG_LENGTH, type IsProtected, type TargetCheck, type TargetProblem } from '../../domain/bulk/targetName';
import { asApiError } from '../../domain/errors';
import { normaliseTag } from '../../domain/normalize';
import { useTranslator, type Translator } from '../../i18n';
import type { AccountTag, BulkApi, OwnerCounts, TicketCounts } from '../../zendesk/bulkApi';
import type { TagAction } from './AccountTagsTable';
import { DialogFrame, MergeIntoField, NewNameField } from './DialogFrame';

const Preview = styled.div`
  margin-top: ${(p) => p.theme.space.md};
  line-height: ${(p) => p.theme.lineHeights.md};

  p {
    margin: 0 0 ${(p) => p.theme.space.xs};
  }
`;

function problemText(t: Translator['t'], problem: TargetProblem, from: string, action: TagAction): string {
  switch (problem.kind) {
    case 'empty':
      return t('tagwise.manager.invalid.empty');
    case 'same':
      return action === 'merge' ? t('tagwise.manager.invalid.targetSame') : t('tagwise.manager.invalid.same');
    case 'several':
      return t('tagwise.manager.invalid.several', { count: problem.count });
    case 'noTag':
      return t('tagwise.manager.invalid.noTag', { text: problem.text });
    case 'tooLong':
      return t('tagwise.manager.invalid.tooLong', { max: MAX_TAG_LENGTH });
    case 'exists':
      return t('tagwise.manager.invalid.exists', { tag: problem.tag, from });
    case 'unknown':
      return t('tagwise.manager.invalid.target');
    case 'protected':
      return refusedText(t, problem.tag);
  }
}

function refusedText(t: Translator['t'], tag: string): string {
  return t('tagwise.rules.managerRefused', { tag, reason: t('tagwise.rules.protectedReason') });
}


interface Props {
  readonly action: TagAction;
  readonly tag: string;
  readonly tags: readonly AccountTag[];
  readonly api: Pick<BulkApi, 'ticketCounts' | 'sampleTickets' | 'ownerTaggingOn' | 'ownerCounts'>;
  /** Protected tags are never renamed, merged or deleted, nor renamed or merged into. */
  readonly isProtected?: IsProtected;
  readonly onClose: () => void;
  /** `owners`: change the users and organizations carrying the tag too. */
  readonly onConfirm: (op: TagOperation, expectedTotal: number, owners: boolean) => void;
}

/** The dialog of one action: the new name or the target, a preview of what changes, a confirm button. */
export function TagActionDialog(props: Props) {
  const { isProtected = () => false } = props;
  if (isProtected(props.tag)) return <RefusedDialog {...props} />;
  return <ActionDialog {...props} isProtected={isProtected} />;
}

function titleOf(t: Translator['t'], action: TagAction, tag: string): string {
  return action === 'rename'
    ? t('tagwise.manager.dialog.renameTitle', { tag })
    : action === 'merge'
      ? t('tagwise.manager.dialog.mergeTitle', { tag })
      : t('tagwise.manager.dialog.deleteTitle', { tag });
}

/** A protected tag's dialog: why nothing can be done, and a confirm that stays off. Nothing is asked of Zendesk. */
function RefusedDialog({ action, tag, onClose }: Props) {
  const { t } = useTranslator();
  const title = titleOf(t, action, tag);
  return (
    <DialogFrame action={action} title={title} ready={false} onClose={onClose} dangerHeader={false}>
      <Alert type="warning" role="alert">
        <Alert.Paragraph>{refusedText(t, tag)}</Alert.Paragraph>
      </Alert>
    </DialogFrame>
  );
}

function ActionDialog({ action, tag, tags, api, isProtected, onClose, onConfirm }: Props & { readonly isProtected: IsProtected }) {
  const { t } = useTranslator();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [counts, setCounts] = useState<TicketCounts | null>(null);
  const [sample, setSample] = useState<number[]>([]);
  const [previewError, setPreviewError] = useState<string | undefined>();
  // null: Tags on users and organizations is off (or could not be read); then only tickets change.
  const [owners, setOwners] = useState<OwnerCounts | null | undefined>();
  const [withOwners, setWithOwners] = useState(true);
  const names = useMemo(() => new Set(tags.map((x) => x.name)), [tags]);

  useEffect(() => {
    let live = true;
    Promise.all([api.ticketCounts(tag), api.sampleTickets(tag, 10)]).then(
      ([c, ids]) => {
        if (!live) return;
        setCounts(c);
        setSample(ids);
      },
      (raw: unknown) => live && setPreviewError(asApiError(raw).message),
    );
    api
      .ownerTaggingOn()
      .then((on) => (on ? api.ownerCounts(tag) : null))
      .then(
        (c) => live && setOwners(c),
        () => live && setOwners(null),
      );
    return () => {
      live = false;
    };
  }, [api, tag]);
  const ownerTotal = owners ? owners.users + owners.organizations : 0;

  const check: TargetCheck | null =
    action === 'rename'
      ? checkNewName(text, tag, (x) => names.has(x), isProtected)
      : action === 'merge'
        ? checkMergeTarget(text, tag, (x) => names.has(x), isProtected)
        : null;
  const target = check && 'tag' in check ? check.tag : undefined;
  const problem = check && 'problem' in check ? problemText(t, check.problem, tag, action) : undefined;
  const ready = counts !== null && owners !== undefined && counts.total + (withOwners ? ownerTotal : 0) > 0 && (action === 'delete' || target !== undefined);

  const confirm = () => {
    if (!ready || !counts) {
      setTouched(true);
      return;
    }
    const op: TagOperation = action === 'delete' ? { kind: 'delete', from: tag } : { kind: action, from: tag, to: target as string };
    onConfirm(op, counts.total, withOwners && ownerTotal > 0);
  };

  const options = useMemo(() => {
    const prefix = normaliseTag(text);
    // Protected tags are not offered as targets; typed anyway, the field says why not.
    return tags.filter((x) => x.name !== tag && x.name.startsWith(prefix) && !isProtected(x.name)).slice(0, 20);
  }, [tags, tag, text, isProtected]);

  const title = titleOf(t, action, tag);
  const showProblem = problem && (touched || text.trim() !== '');

  return (
    <DialogFrame action={action} title={title} ready={ready} onClose={onClose} onConfirm={confirm}>
      {action === 'rename' && (
        <NewNameField value={text} onChange={setText} hint={target ? t('tagwise.manager.dialog.savedAs', { tag: target }) : undefined} problem={showProblem ? problem : undefined} spellCheck={false} />
      )}
      {action === 'merge' && (
        <MergeIntoField
          value={text}
          onChange={setText}
          hint={t('tagwise.manager.dialog.mergeHint', { tag })}
          problem={showProblem ? problem : undefined}
          spellCheck={false}
          names={options.map((o) => o.name)}
        />
      )}
      <Preview aria-live="polite">
        {!counts && !previewError && <Dots aria-label={t('tagwise.manager.preview.loading')} />}
        {previewError && <p role="alert">{t('tagwise.manager.preview.failed', { reason: previewError })}</p>}
        {counts && counts.total === 0 && <p>{t('tagwise.manager.preview.none', { tag })}</p>}
        {counts && counts.total > 0 && (
          <>
            <p>{t('tagwise.manager.preview.counts', { count: counts.total, tag, open: counts.total - counts.closed, closed: counts.closed })}</p>
            {counts.closed > 0 && <p>{t('tagwise.manager.preview.closedNote')}</p>}
            {sample.length > 0 && <p>{t('tagwise.manager.preview.sample', { ids: sample.map((id) => `#${id}`).join(', ') })}</p>}
          </>
        )}
        {owners === null && <p>{t('tagwise.manager.preview.ownersOff')}</p>}
        {owners && ownerTotal > 0 && (
          <Field>
            <Checkbox checked={withOwners} onChange={(e) => setWithOwners(e.target.checked)}>
              <Field.Label>{t('tagwise.manager.preview.owners', { users: owners.users, organizations: owners.organizations })}</Field.Label>
            </Checkbox>
          </Field>
        )}
      </Preview>
    </DialogFrame>
  );
}
