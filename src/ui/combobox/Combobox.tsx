import { useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import chevronDown from '@zendeskgarden/svg-icons/src/16/chevron-down-stroke.svg?raw';
import { Anchor, Chevron, FieldBox, Hint, Input, InputRow, Label, Message, MessageIcon, Trigger } from './fieldStyles';
import { Floating, Listbox, Option, OptionContent, OptionMeta } from './listStyles';
import { useListRoom } from './useListRoom';

export interface ComboboxOption {
  readonly value: string;
  /** The option's accessible name, when its content shows more than the name. */
  readonly name?: string;
  /** Said after the name (`aria-description`). */
  readonly description?: string;
  readonly content: ReactNode;
  /** A second line under the content, as Garden's Option.Meta. */
  readonly hint?: string;
}

export interface ComboboxProps {
  /** Base for the ids of the input, its list, options and messages. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly value: string;
  readonly placeholder?: string;
  /** Shown below the field as an alert, and the field marked invalid; or null. */
  readonly error: string | null;
  /** The name of the error icon ("Error"). */
  readonly validationLabel: string;
  readonly options: readonly ComboboxOption[];
  /** The list's name; without one, the field's label names it. */
  readonly listboxLabel?: string;
  readonly isExpanded: boolean;
  /** The highlighted option, -1 for none. */
  readonly activeIndex: number;
  readonly onType: (value: string) => void;
  /** An option was clicked. */
  readonly onPick: (value: string) => void;
  readonly onExpandedChange: (expanded: boolean) => void;
  readonly onActiveIndexChange: (index: number) => void;
  /** Sees every key first: a key it prevents the default of is not the combobox's to handle. */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  readonly onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly isCompact?: boolean;
  /** Garden's autocomplete look: a chevron at the end that opens and closes the list. */
  readonly hasChevron?: boolean;
  readonly spellCheck?: boolean;
  readonly maxHeight?: number;
  readonly zIndex?: number;
  /** See `useListRoom`: the ancestor to grow so the list fits, or none to fit the list to its room. */
  readonly growSelector?: string;
}

/**
 * An editable combobox with a list of suggestions, on the WAI-ARIA 1.2 pattern (list
 * autocomplete, the highlight in `aria-activedescendant`, focus stays in the input). The owner
 * holds the text, the open state and the highlight; Enter is the owner's (through `onKeyDown`):
 * the combobox itself never turns a key into a pick, only a click does.
 */
export function Combobox(props: ComboboxProps) {
  const { id, label, hint, value, error, options, isExpanded, activeIndex, isCompact = false } = props;
  const { onExpandedChange, onActiveIndexChange } = props;
  const anchorRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputId = `${id}--input`;
  const listId = `${id}--listbox`;
  const hintId = `${id}--hint`;
  const messageId = `${id}--message`;
  const optionId = (index: number) => `${id}--option-${index}`;
  const open = isExpanded && options.length > 0;
  const active = open && activeIndex >= 0 && activeIndex < options.length ? activeIndex : -1;
  const maxHeight = props.maxHeight ?? 400;
  useListRoom(anchorRef, listRef, open, maxHeight, props.growSelector);

  // The highlighted option scrolls into the list's view (the list only, never the page).
  useLayoutEffect(() => {
    const list = listRef.current;
    const option = list?.children[active];
    if (!list || !(option instanceof HTMLElement)) return;
    if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
  }, [active, open]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    props.onKeyDown?.(event);
    // Keys that drive an IME's candidate window (Japanese and others) are the IME's.
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const count = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      // Alt+↓ opens without a highlight, Alt+↑ closes (the pattern's optional keys).
      if (event.altKey) return onExpandedChange(down);
      // Opening highlights the first (↓) or last (↑) option; an open list wraps around, as Garden's does.
      if (!open) {
        onExpandedChange(true);
        return onActiveIndexChange(down ? 0 : count - 1);
      }
      if (count === 0) return;
      onActiveIndexChange(down ? (active + 1) % count : active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Escape' && open) {
      // Closes the list only: a dialog around the field stays open.
      event.preventDefault();
      event.stopPropagation();
      onExpandedChange(false);
    }
  };

  const describedBy = [hint ? hintId : null, error !== null ? messageId : null].filter(Boolean).join(' ');
  return (
    <FieldBox>
      <Label id={`${id}--label`} htmlFor={inputId}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      <Anchor ref={anchorRef} $compact={isCompact}>
        <Trigger $invalid={error !== null} $compact={isCompact} data-combobox-trigger="">
          <InputRow>
            <Input
              ref={props.inputRef}
              id={inputId}
              $compact={isCompact}
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={active >= 0 ? optionId(active) : undefined}
              aria-invalid={error !== null || undefined}
              aria-describedby={describedBy || undefined}
              placeholder={props.placeholder}
              autoComplete="off"
              spellCheck={props.spellCheck}
              value={value}
              onChange={(event) => props.onType(event.currentTarget.value)}
              onKeyDown={onKeyDown}
              onPaste={props.onPaste}
              // A click opens the list: in an empty field, whatever the owner offers then.
              onClick={() => onExpandedChange(true)}
              onBlur={() => onExpandedChange(false)}
            />
          </InputRow>
          {props.hasChevron && (
            <Chevron
              aria-hidden="true"
              $compact={isCompact}
              $open={open}
              // Keeps the focus in the input, as the rest of the trigger does.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onExpandedChange(!open)}
              dangerouslySetInnerHTML={{ __html: chevronDown }}
            />
          )}
        </Trigger>
        <Floating $zIndex={props.zIndex ?? 1000} hidden={!open} data-garden-animate={open}>
          <Listbox
            ref={listRef}
            id={listId}
            role="listbox"
            $compact={isCompact}
            $maxHeight={maxHeight}
            {...(props.listboxLabel ? { 'aria-label': props.listboxLabel } : { 'aria-labelledby': `${id}--label` })}
            // A press on the list must not take the focus from the input (its blur would close
            // the list before the click lands).
            onMouseDown={(event) => event.preventDefault()}
          >
            {open &&
              options.map((option, index) => (
                <Option
                  key={option.value}
                  id={optionId(index)}
                  role="option"
                  aria-selected="false"
                  aria-label={option.name}
                  {...(option.description ? { 'aria-description': option.description } : {})}
                  $compact={isCompact}
                  $active={index === active}
                  onMouseMove={() => index !== active && onActiveIndexChange(index)}
                  onClick={() => props.onPick(option.value)}
                >
                  <OptionContent>
                    {option.content}
                    {option.hint && <OptionMeta>{option.hint}</OptionMeta>}
                  </OptionContent>
                </Option>
              ))}
          </Listbox>
        </Floating>
      </Anchor>
      {error !== null && (
        <Message id={messageId} role="alert" $compact={isCompact}>
          <MessageIcon viewBox="0 0 16 16" role="img" aria-label={props.validationLabel}>
            <g fill="none" stroke="currentColor">
              <circle cx="7.5" cy="8.5" r="7" />
              <path strokeLinecap="round" d="M7.5 4.5v5" />
            </g>
            <circle cx="7.5" cy="12" r="1" fill="currentColor" />
          </MessageIcon>
          {error}
        </Message>
      )}
    </FieldBox>
  );
}
