import { forwardRef, useId, useImperativeHandle, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import styled, { useTheme, type DefaultTheme } from 'styled-components';
import { DEFAULT_THEME } from '@zendeskgarden/react-theming';
import { Combobox, Field, Option, type IComboboxProps } from '@zendeskgarden/react-dropdowns';
import { MAX_TAG_LENGTH, parseTagInput, type ParsedTags } from '../domain/normalize';
import { currentToken } from '../domain/suggest';
import { useTranslator, type Translator } from '../i18n';
import type { SuggestionSource } from './suggestionSource';
import { useSuggestions } from './useSuggestions';

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

function invalidMessage(parsed: ParsedTags, t: Translator['t']): string | null {
  const first = parsed.rejected[0];
  if (!first) return null;
  return first.reason === 'too_long'
    ? t('tagwise.add.invalid.too_long', { input: first.input, max: MAX_TAG_LENGTH })
    : t('tagwise.add.invalid.no_tag_characters', { input: first.input });
}

export interface AddTagsFieldProps {
  /** Tags the record has: never suggested, never sent again. */
  readonly present: readonly string[];
  readonly source: SuggestionSource | undefined;
  readonly onAdd: (tags: readonly string[]) => void;
  /** Backspace in the empty field: select the last tag instead of deleting anything. */
  readonly onBackspaceEmpty: () => void;
  /** ← at the very start of the field: move to the last tag. */
  readonly onLeaveStart: () => void;
}

export interface AddTagsFieldApi {
  focus(): void;
}

/**
 * The "Add tags" combobox. Enter adds the highlighted suggestion, or else everything typed
 * ("billing, VIP  refund" → billing, vip, refund). Invalid input shows why and sends nothing.
 */
export const AddTagsField = forwardRef<AddTagsFieldApi, AddTagsFieldProps>(function AddTagsField(
  { present, source, onAdd, onBackspaceEmpty, onLeaveStart },
  ref,
) {
  const { t } = useTranslator();
  const boxRef = useRef<HTMLDivElement>(null);
  // Garden owns the <input>'s ref, so focus goes through the DOM.
  useImperativeHandle(ref, () => ({
    focus: () => boxRef.current?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus(),
  }));
  const id = useId();
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  // The highlighted suggestion by name: a later answer may reorder the list, and Enter must
  // still add what the agent saw highlighted.
  const [activeValue, setActiveValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const suggestions = useSuggestions(source, text, present);
  const isExpanded = expanded && suggestions.length > 0;
  const activeIndex = isExpanded && activeValue !== null ? suggestions.indexOf(activeValue) : -1;
  const theme = (useTheme() as DefaultTheme | undefined) ?? DEFAULT_THEME;
  // Garden's compact listbox: options of 7 base units, padded by one unit, offset by one unit.
  const base = theme.space.base;
  const reserve = isExpanded ? Math.min(suggestions.length * base * 7 + base * 2, LISTBOX_MAX_HEIGHT) + base * 2 : 0;

  const reset = () => {
    setText('');
    setActiveValue(null);
    setExpanded(false);
    setError(null);
  };

  /** Adds what `value` holds; on invalid input keeps the text and explains. */
  const commit = (value: string) => {
    const parsed = parseTagInput(value);
    const message = invalidMessage(parsed, t);
    if (message) {
      setError(message);
      return;
    }
    const fresh = parsed.tags.filter((tag) => !present.includes(tag));
    if (fresh.length > 0) onAdd(fresh);
    reset();
  };

  /** A picked suggestion replaces the word being typed; earlier words are added with it. */
  const pick = (suggestion: string) => commit(`${currentToken(text).before} ${suggestion}`);

  const onChange = (changes: ComboboxChanges) => {
    if (typeof changes.selectionValue === 'string' && changes.type !== 'input:keyDown:Enter') {
      pick(changes.selectionValue);
      return;
    }
    if (changes.inputValue !== undefined && changes.type === 'input:change') {
      setText(changes.inputValue);
      setError(null);
      setActiveValue(null);
      setExpanded(true);
      return;
    }
    if (changes.isExpanded !== undefined) setExpanded(changes.isExpanded);
    if (changes.activeIndex !== undefined) setActiveValue(suggestions[changes.activeIndex] ?? null);
  };

  // A text field drops the line breaks of pasted text ("a\nb" would become "ab"): a pasted
  // column of tags keeps one tag per line.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!/[\r\n\t]/.test(pasted)) return;
    event.preventDefault();
    const input = event.currentTarget;
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? start;
    setText(`${text.slice(0, start)}${pasted.replace(/[\r\n\t]+/g, ' ')}${text.slice(end)}`);
    setError(null);
    setActiveValue(null);
    setExpanded(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // IME composition (Japanese and others) uses Enter to confirm a word, not to submit.
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      (event.nativeEvent as KeyboardEvent['nativeEvent'] & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
      const highlighted = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
      if (highlighted !== undefined) pick(highlighted);
      else if (text.trim() !== '') commit(text);
      return;
    }
    if (event.key === 'Backspace' && text === '') {
      event.preventDefault();
      onBackspaceEmpty();
      return;
    }
    const input = event.currentTarget;
    if (event.key === 'ArrowLeft' && !event.shiftKey && input.selectionStart === 0 && input.selectionEnd === 0) {
      event.preventDefault();
      onLeaveStart();
    }
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
          onKeyDown,
          onPaste,
          'aria-autocomplete': 'list',
          autoComplete: 'off',
          spellCheck: false,
          maxLength: 4000,
        }}
      >
        {suggestions.map((name) => (
          <Option key={name} value={name} />
        ))}
      </Combobox>
      {error && (
        <Field.Message validation="error" validationLabel={t('tagwise.add.validationLabel')} role="alert">
          {error}
        </Field.Message>
      )}
    </FieldBox>
  );
});
