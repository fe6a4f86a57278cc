import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { useTranslator } from '../../i18n';
import { Combobox, type ComboboxOption, type ComboboxProps } from '../combobox/Combobox';

/** The combobox's own props that the field passes through unchanged. */
type PassedThrough = 'id' | 'label' | 'error' | 'isExpanded' | 'activeIndex' | 'onType' | 'onPick' | 'onExpandedChange' | 'onActiveIndexChange';

/** What the "Add tags" field shows and reports; `AddTagsField` owns the state. */
export interface AddTagsInputProps extends Pick<ComboboxProps, PassedThrough> {
  readonly inputRef: RefObject<HTMLInputElement>;
  readonly text: string;
  readonly suggestions: readonly string[];
  /** Ticket counts from the popular list, shown beside a suggestion. */
  readonly counts?: ReadonlyMap<string, number>;
  /** Suggestions offered because the agent used them lately. */
  readonly recent?: ReadonlySet<string>;
  /** The typed part of the word being completed, highlighted in each suggestion. */
  readonly prefix?: string;
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** What an option shows when it is more than its name ("billing · 1,204 tickets", a description). */
  readonly describeOption?: (value: string) => { readonly label: string; readonly hint?: string } | undefined;
  readonly onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
}

// The sidebar's suggestions: Garden's compact listbox height, floating over the content.
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

/** The "Add tags" field: a compact editable combobox listing the suggestions. */
export function AddTagsInput({ text, suggestions, counts, recent, prefix = '', describeOption, ...passed }: AddTagsInputProps) {
  const { t } = useTranslator();

  const options = suggestions.map((name): ComboboxOption => {
    const shown = describeOption?.(name);
    // "Did you mean", "Create <tag>": named by what they say.
    if (shown) return { value: name, content: shown.label, ...(shown.hint ? { hint: shown.hint } : {}) };
    const count = counts?.get(name);
    const note = recent?.has(name) ? t('tagwise.add.recent') : count !== undefined ? t('tagwise.add.usedOn', { count }) : null;
    const typed = prefix !== '' && name.startsWith(prefix);
    return {
      value: name,
      // Named by the tag alone (the contract's options); the note is its description.
      name,
      ...(note ? { description: note } : {}),
      content: (
        <OptionRow>
          <span>
            {typed ? (
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
      ),
    };
  });

  return (
    <Combobox
      {...passed}
      value={text}
      placeholder={t('tagwise.add.placeholder')}
      validationLabel={t('tagwise.add.validationLabel')}
      options={options}
      listboxLabel={t('tagwise.add.suggestions')}
      isCompact
      spellCheck={false}
      maxHeight={LISTBOX_MAX_HEIGHT}
      zIndex={10}
      growSelector="[data-tagwise-root]"
    />
  );
}
