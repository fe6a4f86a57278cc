import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type ComponentType,
  type KeyboardEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { MAX_TAG_LENGTH, parseTagInput, type ParsedTags } from '../../domain/normalize';
import { currentToken } from '../../domain/suggest';
import { useTranslator, type Translator } from '../../i18n';
import { ADD_TAGS_INPUT_SELECTOR, type AddTagsViewProps } from './AddTagsView';
import { PlainAddTagsInput } from './PlainAddTagsInput';
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

/** How long no key must have come before a focused, empty field may be swapped. */
const QUIET_MS = 400;

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
export const AddTagsField = forwardRef<AddTagsFieldApi, AddTagsFieldProps>(function AddTagsField(
  { present, source, onAdd, onBackspaceEmpty, onLeaveStart, label },
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

  // The Combobox once its chunk is here; the stand-in until then.
  const [Combobox, setCombobox] = useState<ComboboxView | null>(() => loadedCombobox);
  const mounted = useRef(true);
  // The chunk arrived while the agent was typing: it takes over at the next quiet moment.
  const waiting = useRef<ComboboxView | null>(null);
  const retryTimer = useRef<number | undefined>(undefined);
  const lastKeyAt = useRef(0);
  const focusAfterSwap = useRef(false);

  // Swapping the element under the agent's keys must not lose one. So the Combobox replaces
  // a focused field only when it is empty (no word, no IME composition in progress) and no key
  // came for a moment; the swap and the focus move happen in one synchronous step, so no key
  // can land between them. A field without focus takes no keys at all: it is swapped at once,
  // with the text it holds on screen (not the last render's state).
  const takeOver = useCallback((view: ComboboxView) => {
    if (!mounted.current) return;
    window.clearTimeout(retryTimer.current);
    const input = inputElement();
    const doc = input?.ownerDocument;
    const focused = !!input && !!doc && input === doc.activeElement && doc.hasFocus();
    if (focused) {
      const quietFor = Date.now() - lastKeyAt.current;
      if (input.value !== '' || quietFor < QUIET_MS) {
        waiting.current = view;
        retryTimer.current = window.setTimeout(() => takeOver(view), Math.max(QUIET_MS - quietFor, 50));
        return;
      }
    }
    waiting.current = null;
    focusAfterSwap.current = focused;
    flushSync(() => {
      if (input) setText(input.value);
      setCombobox(() => view);
    });
  }, []);

  useLayoutEffect(() => {
    if (!Combobox || !focusAfterSwap.current) return;
    focusAfterSwap.current = false;
    inputElement()?.focus();
  }, [Combobox]);

  const requestCombobox = useCallback(() => {
    loadAddTagsCombobox().then(takeOver, () => {
      // The stand-in keeps working (Enter adds); the next focus or pointer asks again.
    });
  }, [takeOver]);

  // The agent is reaching for the field (pointer down, focus): fetch now; the swap waits for
  // focus to settle and a quiet moment, never the middle of a click.
  const engage = useCallback(() => {
    loadAddTagsCombobox().then(
      (view) => {
        if (!mounted.current || waiting.current) return;
        waiting.current = view;
        retryTimer.current = window.setTimeout(() => takeOver(view), QUIET_MS);
      },
      () => undefined,
    );
  }, [takeOver]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      window.clearTimeout(retryTimer.current);
    };
  }, []);

  useEffect(() => {
    if (Combobox) return;
    return whenIdle(requestCombobox);
  }, [Combobox, requestCombobox]);

  const reset = () => {
    // The field on screen is emptied now: a key arriving before the next render must start a
    // new word, not extend the one just added.
    const input = inputElement();
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

  /** What the field holds on screen: the truth, even before state has caught up with it. */
  const fieldText = () => inputElement()?.value ?? text;

  /** A picked suggestion replaces the word being typed; earlier words are added with it. */
  const pick = (suggestion: string) =>
    suggestion === CREATE_OPTION ? commit(fieldText(), true) : commit(`${currentToken(fieldText()).before} ${suggestion}`);

  const onType = (value: string) => {
    lastKeyAt.current = Date.now();
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
    lastKeyAt.current = Date.now();
    // Space and comma end the word being typed: it becomes a tag, as in Zendesk's own field.
    if ((event.key === ' ' || event.key === ',') && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      const input = event.currentTarget;
      const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
      if (atEnd) {
        event.preventDefault();
        (event.nativeEvent as KeyboardEvent['nativeEvent'] & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
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
      (event.nativeEvent as KeyboardEvent['nativeEvent'] & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
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

  const view: AddTagsViewProps = {
    boxRef,
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

  const input = Combobox ? (
    <Combobox {...view} />
  ) : (
    <PlainAddTagsInput
      {...view}
      onEngage={engage}
      onBlur={() => {
        setExpanded(false);
        const view = waiting.current;
        // After the blur has moved focus on, so the field no longer has it.
        if (view) window.setTimeout(() => takeOver(view), 0);
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
