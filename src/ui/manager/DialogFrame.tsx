import type { ReactNode } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Combobox, Field as DropdownField, Option, type IComboboxProps } from '@zendeskgarden/react-dropdowns';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { useTranslator } from '../../i18n';
import type { TagAction } from './AccountTagsTable';

type ComboboxChanges = Parameters<NonNullable<IComboboxProps['onChange']>>[0];

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

/** The combobox "Merge into" of a merge, offering `names`. */
export function MergeIntoField({ value, onChange, hint, problem, spellCheck, names }: NameFieldProps & { readonly names: readonly string[] }) {
  const { t } = useTranslator();
  const onComboChange = (changes: ComboboxChanges) => {
    if (typeof changes.selectionValue === 'string') onChange(changes.selectionValue);
    else if (changes.inputValue !== undefined) onChange(changes.inputValue);
  };
  return (
    <DropdownField>
      <DropdownField.Label>{t('tagwise.manager.dialog.mergeInto')}</DropdownField.Label>
      {hint && <DropdownField.Hint>{hint}</DropdownField.Hint>}
      <Combobox
        isAutocomplete
        inputValue={value}
        onChange={onComboChange}
        validation={problem ? 'error' : undefined}
        inputProps={{ 'aria-label': t('tagwise.manager.dialog.mergeInto'), autoComplete: 'off', ...(spellCheck === false ? { spellCheck: false } : {}) }}
      >
        {names.map((name) => (
          <Option key={name} value={name} />
        ))}
      </Combobox>
      {problem && (
        <DropdownField.Message validation="error" role="alert">
          {problem}
        </DropdownField.Message>
      )}
    </DropdownField>
  );
}
