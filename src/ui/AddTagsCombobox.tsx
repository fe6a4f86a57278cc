import type { ChangeEvent } from 'react';
import styled, { useTheme, type DefaultTheme } from 'styled-components';
import { DEFAULT_THEME } from '@zendeskgarden/react-theming';
import { Combobox, Field, Option, type IComboboxProps } from '@zendeskgarden/react-dropdowns';
import { useTranslator } from '../i18n';
import type { AddTagsViewProps } from './AddTagsView';

// This module is Garden's Combobox machinery (downshift, react-dropdowns, react-forms,
// floating-ui): `AddTagsField` loads it in its own chunk after the tags show, and a light
// stand-in (`PlainAddTagsInput`) takes the agent's typing until it arrives.

// Garden hides an editable combobox's <input> (and shows a static copy of its value) until
// the trigger has focus. The field must always be a findable, typeable combobox, so the
// input stays visible and the static copy never shows.
//
// While suggestions show, the field reserves their height below itself: the sidebar sizes
// itself to the app, so the list would otherwise be cut off at the bottom of the iframe.
const FieldBox = styled(Field)<{ $reserve: number }>`
  padding-bottom: ${(p) => p.$reserve}px;

  [data-garden-id='dropdowns.combobox.value'] {
    display: none;
  }
`;

const LISTBOX_MAX_HEIGHT = 240;

type ComboboxChanges = Parameters<NonNullable<IComboboxProps['onChange']>>[0];

/** Garden's editable, compact Combobox showing the state `AddTagsField` owns. */
export function AddTagsCombobox({
  boxRef,
  id,
  text,
  error,
  suggestions,
  isExpanded,
  activeIndex,
  onType,
  onPick,
  onExpandedChange,
  onActiveIndexChange,
  onKeyDown,
  onPaste,
  describeOption,
}: AddTagsViewProps) {
  const { t } = useTranslator();
  const theme = (useTheme() as DefaultTheme | undefined) ?? DEFAULT_THEME;
  // Garden's compact listbox: options of 7 base units, padded by one unit, offset by one unit.
  const base = theme.space.base;
  const reserve = isExpanded ? Math.min(suggestions.length * base * 7 + base * 2, LISTBOX_MAX_HEIGHT) + base * 2 : 0;

  const onChange = (changes: ComboboxChanges) => {
    if (typeof changes.selectionValue === 'string' && changes.type !== 'input:keyDown:Enter') {
      onPick(changes.selectionValue);
      return;
    }
    // Typing reaches `onType` from the input's own change event (below): Garden reports it
    // later, after a render that would put the previous text back under the agent's keys.
    if (changes.type === 'input:change') return;
    if (changes.isExpanded !== undefined) onExpandedChange(changes.isExpanded);
    if (changes.activeIndex !== undefined) onActiveIndexChange(changes.activeIndex);
  };

  return (
    <FieldBox ref={boxRef} $reserve={reserve}>
      <Field.Label>{t('tagwise.add.label')}</Field.Label>
      <Combobox
        id={id}
        isEditable
        isCompact
        inputValue={text}
        isExpanded={isExpanded}
        activeIndex={activeIndex}
        selectionValue={null}
        onChange={onChange}
        listboxAriaLabel={t('tagwise.add.suggestions')}
        placeholder={t('tagwise.add.placeholder')}
        listboxMaxHeight={`${LISTBOX_MAX_HEIGHT}px`}
        validation={error ? 'error' : undefined}
        inputProps={{
          hidden: false,
          // Garden links the visible label after its first render; this names the field from the start.
          'aria-label': t('tagwise.add.label'),
          onChange: (event: ChangeEvent<HTMLInputElement>) => onType(event.currentTarget.value),
          onKeyDown,
          onPaste,
          'aria-autocomplete': 'list',
          autoComplete: 'off',
          spellCheck: false,
        }}
      >
        {suggestions.map((name) => {
          const shown = describeOption?.(name);
          return shown ? (
            <Option key={name} value={name} label={shown.label}>
              {shown.label}
              {shown.hint && <Option.Meta>{shown.hint}</Option.Meta>}
            </Option>
          ) : (
            <Option key={name} value={name} />
          );
        })}
      </Combobox>
      {error && (
        <Field.Message validation="error" validationLabel={t('tagwise.add.validationLabel')} role="alert">
          {error}
        </Field.Message>
      )}
    </FieldBox>
  );
}
