import type { ClipboardEvent, KeyboardEvent, RefObject } from 'react';

/**
 * What the "Add tags" field shows and reports, shared by the light stand-in
 * (`PlainAddTagsInput`, in the sidebar chunk) and Garden's Combobox (`AddTagsCombobox`,
 * its own chunk). `AddTagsField` owns the state, so either view shows the same text,
 * error and highlight, and the Combobox takes over from the stand-in with nothing lost.
 */
export interface AddTagsViewProps {
  /** The view's outermost element; `AddTagsField` finds the input inside it. */
  readonly boxRef: RefObject<HTMLDivElement>;
  /** Base for the ids of the input and its message. */
  readonly id: string;
  /** The field's name, e.g. "Add tags to ticket" (each field on the page has its own). */
  readonly label: string;
  readonly text: string;
  /** The inline explanation of invalid input, or null. */
  readonly error: string | null;
  readonly suggestions: readonly string[];
  /** Ticket counts from the popular list, shown beside a suggestion. */
  readonly counts?: ReadonlyMap<string, number>;
  /** Suggestions offered because the agent used them lately. */
  readonly recent?: ReadonlySet<string>;
  /** The typed part of the word being completed, highlighted in each suggestion. */
  readonly prefix?: string;
  readonly isExpanded: boolean;
  readonly activeIndex: number;
  /** The agent edited the text. */
  readonly onType: (value: string) => void;
  /** The agent picked a suggestion (click, or Garden's own selection). */
  readonly onPick: (suggestion: string) => void;
  readonly onExpandedChange: (expanded: boolean) => void;
  readonly onActiveIndexChange: (index: number) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** What an option shows when it is more than its name ("billing · 1,204 tickets", a description). */
  readonly describeOption?: (value: string) => { readonly label: string; readonly hint?: string } | undefined;
  readonly onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
}

/** The field's input inside a view's box: both views render exactly one. */
export const ADD_TAGS_INPUT_SELECTOR = 'input[role="combobox"]';
