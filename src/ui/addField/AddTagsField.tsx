import { forwardRef, memo, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MAX_TAG_LENGTH, parseTagInput, type ParsedTags } from '../../domain/normalize';
import { currentToken } from '../../domain/suggest';
import { useTranslator, type Translator } from '../../i18n';
import { AddTagsInput, type AddTagsInputProps } from './AddTagsInput';
import { NewTagPrompt } from '../rules/NewTagPrompt';
import { useTagRules } from '../rules/TagRulesContext';
import { CREATE_OPTION, useRuledField, type Outcome } from '../rules/useRuledField';
import { sharePopularTags, type SuggestionSource } from './suggestionSource';
import { useFieldOffers } from './useFieldOffers';

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
  /** The field's name, e.g. "Add tags to ticket". */
  readonly label: string;
}

export interface AddTagsFieldApi {
  focus(): void;
}

/**
 * The "Add tags" combobox. Enter adds the highlighted suggestion, or else everything typed
 * ("billing, VIP  refund" → billing, vip, refund). Invalid input shows why and sends nothing.
 */
// Memoised: on a big record the panel renders on every change the engine reports (each save,
// each answer), and the combobox with its menu is costly to render again for nothing.
export const AddTagsField = memo(forwardRef<AddTagsFieldApi, AddTagsFieldProps>(function AddTagsField(
  { present, source, onAdd, onBackspaceEmpty, onLeaveStart, label },
  ref,
) {
  const { t } = useTranslator();
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }));
  const id = useId();
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  // The highlighted suggestion by name: a later answer may reorder the list, and Enter must
  // still add what the agent saw highlighted.
  const [activeValue, setActiveValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shared = useMemo(() => (source ? sharePopularTags(source) : undefined), [source]);
  const ruled = useRuledField(shared, text, present);
  // Nothing typed yet: the agent's recent tags, then the account's most used ones.
  const offers = useFieldOffers(shared, expanded, present);
  const protectedTags = useTagRules().rules.protectedTags;
  // Protected tags are never offered, typed or not.
  const suggestions = text.trim() === '' ? offers.empty.filter((name) => !protectedTags.isProtected(name)) : ruled.options;
  // The text now, for answers that arrive after the agent typed on.
  const textNow = useRef(text);
  textNow.current = text;
  const isExpanded = expanded && suggestions.length > 0;
  const activeIndex = isExpanded && activeValue !== null ? suggestions.indexOf(activeValue) : -1;

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const reset = () => {
    // The field on screen is emptied now: a key arriving before the next render must start a
    // new word, not extend the one just added.
    const input = inputRef.current;
    if (input) input.value = '';
    setText('');
    setActiveValue(null);
    setExpanded(false);
    setError(null);
  };

  /**
   * Adds what `value` holds, if the admin's rules let it; on invalid input, or input the
   * rules refuse, keeps the text and explains. `created`: the agent chose "Create <tag>".
   */
  const commit = (value: string, created = false) => {
    const parsed = parseTagInput(value);
    const message = invalidMessage(parsed, t);
    if (message) {
      setError(message);
      return;
    }
    // A Set: a paste of thousands on a record with thousands is millions of comparisons otherwise.
    const have = new Set(present);
    const fresh = parsed.tags.filter((tag) => !have.has(tag));
    if (fresh.length === 0) {
      reset();
      return;
    }
    const typed = text;
    const settle = (outcome: Outcome) => {
      if (outcome.kind === 'add') {
        onAdd(fresh);
        reset();
      } else if (outcome.kind === 'refuse') {
        setError(outcome.message);
      } else if (value !== typed) {
        // A picked suggestion with new tags before it: the field shows what is to be confirmed.
        setText(value);
        setActiveValue(null);
      }
    };
    const outcome = ruled.check(value, fresh, created);
    if (!(outcome instanceof Promise)) return settle(outcome);
    // Zendesk is asked whether a tag exists; an answer to text the agent has changed since is dropped.
    void outcome.then((later) => {
      if (mounted.current && textNow.current === typed) settle(later);
    });
  };

  /** What the field holds on screen: the truth, even before state has caught up with it. */
  const fieldText = () => inputRef.current?.value ?? text;

  /** A picked suggestion replaces the word being typed; earlier words are added with it. */
  const pick = (suggestion: string) =>
    suggestion === CREATE_OPTION ? commit(fieldText(), true) : commit(`${currentToken(fieldText()).before} ${suggestion}`);

  const onType = (value: string) => {
    setText(value);
    setError(null);
    setActiveValue(null);
    setExpanded(true);
  };

  // A text field drops the line breaks of pasted text ("a\nb" would become "ab"): a pasted
  // column of tags keeps one tag per line.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!/[\r\n\t]/.test(pasted)) return;
    event.preventDefault();
    const input = event.currentTarget;
    const current = input.value;
    const start = input.selectionStart ?? current.length;
    const end = input.selectionEnd ?? start;
    const inserted = pasted.replace(/[\r\n\t]+/g, ' ');
    const next = `${current.slice(0, start)}${inserted}${current.slice(end)}`;
    // The field shows the paste at once, caret after it, as a plain paste would.
    input.value = next;
    input.setSelectionRange(start + inserted.length, start + inserted.length);
    onType(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Space and comma end the word being typed: it becomes a tag, as in Zendesk's own field.
    if ((event.key === ' ' || event.key === ',') && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      const input = event.currentTarget;
      const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
      if (atEnd) {
        event.preventDefault();
        if (input.value.trim() !== '') commit(input.value);
        return;
      }
    }
    // Tab takes the highlighted suggestion (and focus stays, for the next tag).
    if (event.key === 'Tab' && !event.shiftKey && activeIndex >= 0) {
      const highlighted = suggestions[activeIndex];
      if (highlighted !== undefined) {
        event.preventDefault();
        pick(highlighted);
        return;
      }
    }
    if (event.key === 'Enter') {
      // IME composition (Japanese and others) uses Enter to confirm a word, not to submit.
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      const highlighted = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
      // Exactly what the field holds now: keys with no pause between them may not have
      // reached state yet, and Enter must add them all.
      const value = event.currentTarget.value;
      if (highlighted !== undefined) pick(highlighted);
      else if (value.trim() !== '') commit(value);
      return;
    }
    if (event.key === 'Backspace' && event.currentTarget.value === '') {
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

  const view: AddTagsInputProps = {
    inputRef,
    id,
    label,
    text,
    error,
    suggestions,
    counts: offers.counts,
    recent: offers.recent,
    prefix: currentToken(text).token,
    isExpanded,
    activeIndex,
    onType,
    onPick: pick,
    onExpandedChange: setExpanded,
    onActiveIndexChange: (index) => setActiveValue(suggestions[index] ?? null),
    describeOption: ruled.describe,
    onKeyDown,
    onPaste,
  };

  return (
    <>
      <AddTagsInput {...view} />
      {ruled.prompt && <NewTagPrompt>{ruled.prompt}</NewTagPrompt>}
    </>
  );
}));
