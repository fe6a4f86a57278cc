import { useLayoutEffect, type ChangeEvent } from 'react';
import styled, { useTheme, type DefaultTheme } from 'styled-components';
import { DEFAULT_THEME, getColor } from '@zendeskgarden/react-theming';
import { Combobox, Field, Option, type IComboboxProps } from '@zendeskgarden/react-dropdowns';
import { useTranslator } from '../../i18n';
import type { AddTagsViewProps } from './AddTagsView';

// This module is Garden's Combobox machinery (downshift, react-dropdowns, react-forms,
// floating-ui): `AddTagsField` loads it in its own chunk after the tags show, and a light
// stand-in (`PlainAddTagsInput`) takes the agent's typing until it arrives.

// Garden hides an editable combobox's <input> (and shows a static copy of its value) until
// the trigger has focus. The field must always be a findable, typeable combobox, so the
// input stays visible and the static copy never shows.
//
// The suggestions float over what is below the field. The sidebar sizes itself to the app,
// so while they show the app asks for room at the bottom of its frame (a minimum height for
// the app, nothing moves), and gives it back when they close.
const FieldBox = styled(Field)`
  [data-garden-id='dropdowns.combobox.value'] {
    display: none;
  }
`;

const LISTBOX_MAX_HEIGHT = 240;

const OptionRow = styled.span`
  display: flex;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`;

/** The part of a suggestion the agent typed. */
const Typed = styled.mark`
  background: none;
  color: inherit;
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

// The note is drawn from its attribute, not text: the option's name is the tag alone and the
// note its description, and text inside the option that its name lacks would fail WCAG's
// label-in-name (axe counts hidden text too).
const Note = styled.span`
  flex-shrink: 0;
  &::after {
    content: attr(data-note);
  }
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

type ComboboxChanges = Parameters<NonNullable<IComboboxProps['onChange']>>[0];

/** Garden's editable, compact Combobox showing the state `AddTagsField` owns. */
export function AddTagsCombobox({
  boxRef,
  id,
  label,
  text,
  error,
  suggestions,
  counts,
  recent,
  prefix = '',
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
  const listHeight = Math.min(suggestions.length * base * 7 + base * 2, LISTBOX_MAX_HEIGHT);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const root = box?.closest<HTMLElement>('[data-tagwise-root]');
    if (!isExpanded || !box || !root) return;
    // The list's bottom: below the field by Garden's offset (one unit), and one unit of air.
    // A minimum height on the app's root adds room below everything, so nothing moves; one
    // list is open at a time (it closes when the field loses focus).
    const bottom = box.getBoundingClientRect().bottom - root.getBoundingClientRect().top + listHeight + base * 2;
    root.style.minHeight = `${Math.ceil(bottom)}px`;
    return () => {
      root.style.minHeight = '';
    };
  }, [isExpanded, listHeight, base, boxRef]);

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
    <FieldBox ref={boxRef}>
      <Field.Label>{label}</Field.Label>
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
        listboxZIndex={10}
        validation={error ? 'error' : undefined}
        inputProps={{
          hidden: false,
          // Garden links the visible label after its first render; this names the field from the start.
          'aria-label': label,
          onChange: (event: ChangeEvent<HTMLInputElement>) => onType(event.currentTarget.value),
          onKeyDown,
          onPaste,
          // A click opens the list: in an empty field, the recent and most used tags.
          onClick: () => onExpandedChange(true),
          'aria-autocomplete': 'list',
          autoComplete: 'off',
          spellCheck: false,
        }}
      >
        {suggestions.map((name) => {
          const shown = describeOption?.(name);
          if (shown) {
            return (
              <Option key={name} value={name} label={shown.label}>
                {shown.label}
                {shown.hint && <Option.Meta>{shown.hint}</Option.Meta>}
              </Option>
            );
          }
          const count = counts?.get(name);
          const note = recent?.has(name) ? t('tagwise.add.recent') : count !== undefined ? t('tagwise.add.usedOn', { count }) : null;
          return (
            // Named by the tag alone (the contract's options); the note is its description.
            <Option key={name} value={name} label={name} aria-label={name} {...(note ? { 'aria-description': note } : {})}>
              <OptionRow>
                <span>
                  {prefix && name.startsWith(prefix) ? (
                    <>
                      <Typed>{prefix}</Typed>
                      {name.slice(prefix.length)}
                    </>
                  ) : (
                    name
                  )}
                </span>
                {note && <Note aria-hidden="true" data-note={note} />}
              </OptionRow>
            </Option>
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
