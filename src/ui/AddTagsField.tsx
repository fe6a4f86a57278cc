import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type ComponentType,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { MAX_TAG_LENGTH, parseTagInput, type ParsedTags } from '../domain/normalize';
import { currentToken } from '../domain/suggest';
import { useTranslator, type Translator } from '../i18n';
import { ADD_TAGS_INPUT_SELECTOR, type AddTagsViewProps } from './AddTagsView';
import { PlainAddTagsInput } from './PlainAddTagsInput';
import { NewTagPrompt } from './rules/NewTagPrompt';
import { CREATE_OPTION, useRuledField, type Outcome } from './rules/useRuledField';
import type { SuggestionSource } from './suggestionSource';

function invalidMessage(parsed: ParsedTags, t: Translator['t']): string | null {
  const first = parsed.rejected[0];
  if (!first) return null;
  return first.reason === 'too_long'
    ? t('tagwise.add.invalid.too_long', { input: first.input, max: MAX_TAG_LENGTH })
    : t('tagwise.add.invalid.no_tag_characters', { input: first.input });
}

type ComboboxView = ComponentType<AddTagsViewProps>;

// Garden's Combobox (downshift, react-dropdowns, react-forms, floating-ui) is most of what
// a sidebar would otherwise download before its tags show. It comes in its own chunk, asked
// for once the field is on screen (when the browser is idle) or at once when the agent
// reaches for the field; `PlainAddTagsInput` stands in until then.
let loadedCombobox: ComboboxView | null = null;
let comboboxRequest: Promise<ComboboxView> | null = null;

/** Starts (once) fetching Garden's Combobox; a failed fetch is asked again next time. */
export function loadAddTagsCombobox(): Promise<ComboboxView> {
  comboboxRequest ??= import('./AddTagsCombobox').then(
    (module) => (loadedCombobox = module.AddTagsCombobox),
    (error: unknown) => {
      comboboxRequest = null;
      throw error;
    },
  );
  return comboboxRequest;
}

/** After the first paint, when the browser has a moment (or after at most 2 s). */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 50);
  return () => window.clearTimeout(handle);
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
  const inputElement = () => boxRef.current?.querySelector<HTMLInputElement>(ADD_TAGS_INPUT_SELECTOR) ?? null;
  // Garden owns the Combobox <input>'s ref, so focus goes through the DOM.
  useImperativeHandle(ref, () => ({ focus: () => inputElement()?.focus() }));
  const id = useId();
  const [text, setText] = useState('');
  const [expanded, setExpanded] = useState(false);
  // The highlighted suggestion by name: a later answer may reorder the list, and Enter must
  // still add what the agent saw highlighted.
  const [activeValue, setActiveValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ruled = useRuledField(source, text, present);
  const suggestions = ruled.options;
  // The text now, for answers that arrive after the agent typed on.
  const textNow = useRef(text);
  textNow.current = text;
  const isExpanded = expanded && suggestions.length > 0;
  const activeIndex = isExpanded && activeValue !== null ? suggestions.indexOf(activeValue) : -1;

  // The Combobox once its chunk is here; the stand-in until then.
  const [Combobox, setCombobox] = useState<ComboboxView | null>(() => loadedCombobox);
  // Focus and caret of the stand-in at the moment the Combobox replaced it.
  const carried = useRef<{ start: number | null; end: number | null; direction: 'forward' | 'backward' | 'none' } | null>(null);
  const swapping = useRef(false);
  const mounted = useRef(true);
  // An IME composition in the stand-in (Japanese and others) must end before the swap, or
  // the word being composed would be lost with the element.
  const composing = useRef(false);
  const waiting = useRef<ComboboxView | null>(null);

  const takeOver = useCallback((view: ComboboxView) => {
    if (!mounted.current || swapping.current) return;
    if (composing.current) {
      waiting.current = view;
      return;
    }
    const input = inputElement();
    carried.current =
      input && input === input.ownerDocument.activeElement
        ? { start: input.selectionStart, end: input.selectionEnd, direction: input.selectionDirection ?? 'none' }
        : null;
    // One synchronous render: nothing can be typed between reading the caret and the swap.
    swapping.current = true;
    try {
      flushSync(() => setCombobox(() => view));
    } finally {
      swapping.current = false;
    }
  }, []);

  const requestCombobox = useCallback(() => {
    loadAddTagsCombobox().then(takeOver, () => {
      // The stand-in keeps working (Enter adds); the next focus or pointer asks again.
    });
  }, [takeOver]);

  const onComposingChange = useCallback(
    (now: boolean) => {
      composing.current = now;
      const view = waiting.current;
      if (now || !view) return;
      waiting.current = null;
      // After the composition's last input event has updated the text.
      window.setTimeout(() => takeOver(view), 0);
    },
    [takeOver],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (Combobox) return;
    return whenIdle(requestCombobox);
  }, [Combobox, requestCombobox]);

  useLayoutEffect(() => {
    const caret = carried.current;
    if (!Combobox || !caret) return;
    carried.current = null;
    const input = inputElement();
    if (!input) return;
    input.focus();
    input.setSelectionRange(caret.start, caret.end, caret.direction);
  }, [Combobox]);

  const reset = () => {
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
    const fresh = parsed.tags.filter((tag) => !present.includes(tag));
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

  /** A picked suggestion replaces the word being typed; earlier words are added with it. */
  const pick = (suggestion: string) => (suggestion === CREATE_OPTION ? commit(text, true) : commit(`${currentToken(text).before} ${suggestion}`));

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
    const start = input.selectionStart ?? text.length;
    const end = input.selectionEnd ?? start;
    onType(`${text.slice(0, start)}${pasted.replace(/[\r\n\t]+/g, ' ')}${text.slice(end)}`);
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

  const view: AddTagsViewProps = {
    boxRef,
    id,
    text,
    error,
    suggestions,
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

  const input = Combobox ? (
    <Combobox {...view} />
  ) : (
    <PlainAddTagsInput
      {...view}
      onEngage={requestCombobox}
      onComposingChange={onComposingChange}
      // Leaving the field closes the suggestions the Combobox would open with the typed text;
      // losing the stand-in to the Combobox itself is not leaving.
      onBlur={() => {
        if (!swapping.current) setExpanded(false);
      }}
    />
  );
  return (
    <>
      {input}
      {ruled.prompt && <NewTagPrompt>{ruled.prompt}</NewTagPrompt>}
    </>
  );
});
