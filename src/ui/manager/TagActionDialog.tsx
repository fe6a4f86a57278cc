import { useEffect, useMemo, useState } from 'react';
import styled from 'styled-components';
import { Button } from '@zendeskgarden/react-buttons';
import { Combobox, Field as DropdownField, Option, type IComboboxProps } from '@zendeskgarden/react-dropdowns';
import { Checkbox, Field, Input } from '@zendeskgarden/react-forms';
import { Dots } from '@zendeskgarden/react-loaders';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import type { TagOperation } from '../../domain/bulk/operation';
import { checkMergeTarget, checkNewName, MAX_TAG_LENGTH, type IsProtected, type TargetCheck, type TargetProblem } from '../../domain/bulk/targetName';
import { asApiError } from '../../domain/errors';
import { normaliseTag } from '../../domain/normalize';
import { useTranslator, type Translator } from '../../i18n';
import type { AccountTag, BulkApi, OwnerCounts, TicketCounts } from '../../zendesk/bulkApi';
import type { TagAction } from './AccountTagsTable';

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

type ComboboxChanges = Parameters<NonNullable<IComboboxProps['onChange']>>[0];

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
    <Modal onClose={onClose} aria-label={title}>
      <Modal.Header tag="h2">{title}</Modal.Header>
      <Modal.Body>
        <Alert type="warning" role="alert">
          <Alert.Paragraph>{refusedText(t, tag)}</Alert.Paragraph>
        </Alert>
      </Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={onClose}>
            {t('tagwise.manager.dialog.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary isDanger={action === 'delete'} disabled>
            {t(`tagwise.manager.confirm.${action}`)}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('tagwise.manager.dialog.close')} />
    </Modal>
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

  const onComboChange = (changes: ComboboxChanges) => {
    if (typeof changes.selectionValue === 'string') setText(changes.selectionValue);
    else if (changes.inputValue !== undefined) setText(changes.inputValue);
  };

  const title = titleOf(t, action, tag);
  const confirmLabel = t(`tagwise.manager.confirm.${action}`);
  const showProblem = problem && (touched || text.trim() !== '');

  return (
    <Modal onClose={onClose} aria-label={title}>
      <Modal.Header tag="h2" isDanger={action === 'delete'}>
        {title}
      </Modal.Header>
      <Modal.Body>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          {action === 'rename' && (
            <Field>
              <Field.Label>{t('tagwise.manager.dialog.newName')}</Field.Label>
              {target && <Field.Hint>{t('tagwise.manager.dialog.savedAs', { tag: target })}</Field.Hint>}
              <Input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} validation={showProblem ? 'error' : undefined} />
              {showProblem && (
                <Field.Message validation="error" role="alert">
                  {problem}
                </Field.Message>
              )}
            </Field>
          )}
          {action === 'merge' && (
            <DropdownField>
              <DropdownField.Label>{t('tagwise.manager.dialog.mergeInto')}</DropdownField.Label>
              <DropdownField.Hint>{t('tagwise.manager.dialog.mergeHint', { tag })}</DropdownField.Hint>
              <Combobox
                isAutocomplete
                inputValue={text}
                onChange={onComboChange}
                validation={showProblem ? 'error' : undefined}
                inputProps={{ 'aria-label': t('tagwise.manager.dialog.mergeInto'), autoComplete: 'off', spellCheck: false }}
              >
                {options.map((o) => (
                  <Option key={o.name} value={o.name} />
                ))}
              </Combobox>
              {showProblem && (
                <DropdownField.Message validation="error" role="alert">
                  {problem}
                </DropdownField.Message>
              )}
            </DropdownField>
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
          {/* Enter in the field submits. */}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={onClose}>
            {t('tagwise.manager.dialog.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary isDanger={action === 'delete'} disabled={!ready} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('tagwise.manager.dialog.close')} />
    </Modal>
  );
}
