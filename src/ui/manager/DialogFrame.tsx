import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { useTranslator } from '../../i18n';
import { Combobox } from '../combobox/Combobox';
import type { TagAction } from './AccountTagsTable';

interface DialogFrameProps {
  readonly action: TagAction;
  readonly title: string;
  /** Whether the confirm button (named after the action) may be pressed. */
  readonly ready: boolean;
  readonly onClose: () => void;
  /** Absent for a dialog that only says why nothing can be done: no form, the confirm stays off. */
  readonly onConfirm?: () => void;
  /** A delete's header is red, unless the dialog refuses it. */
  readonly dangerHeader?: boolean;
  readonly children: ReactNode;
}

/**
 * The frame every Tag manager dialog shares: a titled Garden modal whose body is a form (Enter
 * in a field confirms), Cancel, and a confirm button named after the action.
 */
export function DialogFrame({ action, title, ready, onClose, onConfirm, dangerHeader = action === 'delete', children }: DialogFrameProps) {
  const { t } = useTranslator();
  return (
    <Modal onClose={onClose} aria-label={title}>
      <Modal.Header tag="h2" isDanger={dangerHeader}>
        {title}
      </Modal.Header>
      <Modal.Body>
        {onConfirm ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onConfirm();
            }}
          >
            {children}
            {/* Enter in the field submits. */}
            <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
          </form>
        ) : (
          children
        )}
      </Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={onClose}>
            {t('tagwise.manager.dialog.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary isDanger={action === 'delete'} disabled={!ready} onClick={onConfirm}>
            {t(`tagwise.manager.confirm.${action}`)}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('tagwise.manager.dialog.close')} />
    </Modal>
  );
}

interface NameFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly hint?: string | undefined;
  /** Shown as the field's error, an alert. */
  readonly problem?: string | undefined;
  /** Tag names are not words; content tag names may be. */
  readonly spellCheck?: boolean;
}

/** The textbox "New name" of a rename. */
export function NewNameField({ value, onChange, hint, problem, spellCheck }: NameFieldProps) {
  const { t } = useTranslator();
  return (
    <Field>
      <Field.Label>{t('tagwise.manager.dialog.newName')}</Field.Label>
      {hint && <Field.Hint>{hint}</Field.Hint>}
      <Input value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" {...(spellCheck === false ? { spellCheck: false } : {})} validation={problem ? 'error' : undefined} />
      {problem && (
        <Field.Message validation="error" role="alert">
          {problem}
        </Field.Message>
      )}
    </Field>
  );
}

/** The combobox "Merge into" of a merge, offering `names` (the sidebar's combobox, in Garden's default size). */
export function MergeIntoField({ value, onChange, hint, problem, spellCheck, names }: NameFieldProps & { readonly names: readonly string[] }) {
  const { t } = useTranslator();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  // The highlight by name: the names follow the text, and Enter takes what the agent saw.
  const [activeName, setActiveName] = useState<string | null>(null);
  const activeIndex = activeName === null ? -1 : names.indexOf(activeName);
  const isExpanded = expanded && names.length > 0;
  const pick = (name: string) => {
    onChange(name);
    setExpanded(false);
    setActiveName(null);
  };
  // Enter takes the highlighted name; with none, it submits the dialog's form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const highlighted = isExpanded ? names[activeIndex] : undefined;
    if (event.key !== 'Enter' || highlighted === undefined || event.nativeEvent.isComposing) return;
    event.preventDefault();
    pick(highlighted);
  };
  return (
    <Combobox
      id={id}
      label={t('tagwise.manager.dialog.mergeInto')}
      hint={hint}
      value={value}
      error={problem ?? null}
      validationLabel={t('tagwise.add.validationLabel')}
      options={names.map((name) => ({ value: name, content: name }))}
      isExpanded={isExpanded}
      activeIndex={activeIndex}
      onType={(text) => {
        onChange(text);
        setExpanded(true);
        setActiveName(null);
      }}
      onPick={pick}
      onExpandedChange={setExpanded}
      onActiveIndexChange={(index) => setActiveName(names[index] ?? null)}
      onKeyDown={onKeyDown}
      hasChevron
      {...(spellCheck === false ? { spellCheck: false } : {})}
    />
  );
}
