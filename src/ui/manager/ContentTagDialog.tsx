import { useEffect, useMemo, useState } from 'react';
import { Dots } from '@zendeskgarden/react-loaders';
import { asApiError, type ApiError } from '../../domain/errors';
import { useTranslator } from '../../i18n';
import type { ContentTag, ContentTagsApi } from '../../zendesk/contentTagsApi';
import type { TagAction } from './AccountTagsTable';
import { DialogFrame, MergeIntoField, NewNameField } from './DialogFrame';

/** Content tag names may hold spaces and capitals; Zendesk compares them case-insensitively. */
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

interface Props {
  readonly action: TagAction;
  readonly tag: ContentTag;
  /** The content tags on screen, to refuse a rename onto one of them before asking Zendesk. */
  readonly shown: readonly ContentTag[];
  readonly api: ContentTagsApi;
  readonly onClose: () => void;
  /** Zendesk confirmed the change; `message` says what it was. */
  readonly onDone: (message: string) => void;
  /** Zendesk answered 403: this user may not change content tags. */
  readonly onForbidden: (error: ApiError) => void;
}

/** Rename, merge or delete one Guide content tag: one call to Zendesk, confirmed before it is said done. */
export function ContentTagDialog({ action, tag, shown, api, onClose, onDone, onForbidden }: Props) {
  const { t } = useTranslator();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // The content tags starting with what was typed, as Zendesk filters them (for the merge's
  // options, and to refuse a rename onto a name already taken), with the text they answer.
  const [found, setFound] = useState<{ readonly text: string; readonly tags: readonly ContentTag[] } | null>(null);
  const typed = text.trim();

  useEffect(() => {
    if (action === 'delete') return;
    let live = true;
    api.page(typed, null).then(
      (page) => live && setFound({ text: typed, tags: page.tags.filter((x) => x.id !== tag.id) }),
      () => live && setFound({ text: typed, tags: [] }),
    );
    return () => {
      live = false;
    };
  }, [action, api, tag.id, typed]);

  const current = found?.text === typed ? found.tags : null;
  const options = useMemo(() => (found?.tags ?? []).slice(0, 20), [found]);
  const target = action === 'merge' ? current?.find((o) => same(o.name, text)) : undefined;
  const problem = (() => {
    if (action === 'delete') return undefined;
    if (!text.trim()) return t('tagwise.manager.content.invalid.empty');
    if (action === 'rename') {
      if (text.trim() === tag.name) return t('tagwise.manager.content.invalid.same');
      const taken = [...shown, ...(current ?? [])].find((x) => x.id !== tag.id && same(x.name, text));
      if (taken) return t('tagwise.manager.content.invalid.exists', { tag: taken.name });
      return undefined;
    }
    if (same(text, tag.name)) return t('tagwise.manager.content.invalid.targetSame');
    return target ? undefined : t('tagwise.manager.content.invalid.target');
  })();
  // A rename waits for Zendesk's answer about the typed name before it may be sent.
  const ready = !sending && problem === undefined && (action !== 'rename' || current !== null);
  const showProblem = problem !== undefined && (touched || text.trim() !== '');

  const confirm = () => {
    setTouched(true);
    if (!ready) return;
    setSending(true);
    setFailure(undefined);
    const name = text.trim();
    const call =
      action === 'rename'
        ? api.rename(tag.id, name).then((renamed) => t('tagwise.manager.content.done.rename', { from: tag.name, to: renamed.name }))
        : action === 'merge' && target
          ? api.merge([tag.id], target.id).then(() => t('tagwise.manager.content.done.merge', { from: tag.name, to: target.name }))
          : api.remove(tag.id).then(() => t('tagwise.manager.content.done.delete', { tag: tag.name }));
    call.then(onDone, (raw: unknown) => {
      const error = asApiError(raw);
      setSending(false);
      if (error.kind === 'forbidden') onForbidden(error);
      else setFailure(error.message);
    });
  };

  const title = t(`tagwise.manager.content.dialog.${action}Title`, { tag: tag.name });

  return (
    <DialogFrame action={action} title={title} ready={ready} onClose={onClose} onConfirm={confirm}>
      {action === 'rename' && <NewNameField value={text} onChange={setText} hint={t('tagwise.manager.content.dialog.renameHint')} problem={showProblem ? problem : undefined} />}
      {action === 'merge' && (
        <MergeIntoField
          value={text}
          onChange={setText}
          hint={t('tagwise.manager.content.dialog.mergeHint', { tag: tag.name })}
          problem={showProblem ? problem : undefined}
          names={options.map((o) => o.name)}
        />
      )}
      {action === 'delete' && <p>{t('tagwise.manager.content.dialog.deleteText', { tag: tag.name })}</p>}
      {sending && <Dots aria-label={t('tagwise.manager.content.sending')} />}
      {failure && <p role="alert">{t('tagwise.manager.content.failed', { reason: failure })}</p>}
    </DialogFrame>
  );
}
