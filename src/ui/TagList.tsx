import { forwardRef, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import styled from 'styled-components';
import type { TagOrigin } from '../domain/provenance';
import type { TagView } from '../domain/sync/view';
import { useTagRules } from './rules/TagRulesContext';
import { TagChip } from './TagChip';

const List = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  margin: 0;
  padding: 0;
  list-style: none;
`;

export interface TagListApi {
  /** Moves focus to the last tag (Backspace in the empty field). False when there is none. */
  focusLast(): boolean;
}

export interface TagListProps {
  readonly label: string;
  readonly tags: readonly TagView[];
  readonly origins?: ReadonlyMap<string, TagOrigin>;
  readonly removable: boolean;
  readonly onRemove: (name: string) => void;
  /** Send the failed change of this one tag again. */
  readonly onRetry: (name: string) => void;
  /** Focus leaves the list towards the add field (after a keyboard removal, Escape, →/End past the end). */
  readonly onExit: () => void;
}

/**
 * The tags in server order. One tag at a time is in the tab order; arrows move between
 * tags; Backspace or Delete on a focused tag removes it (never in one keystroke from the field).
 */
export const TagList = forwardRef<TagListApi, TagListProps>(function TagList({ label, tags, origins, removable, onRemove, onRetry, onExit }, ref) {
  const elements = useRef(new Map<string, HTMLDivElement>());
  const locked = useTagRules().rules.protectedTags;
  const [current, setCurrent] = useState<string | null>(null);
  const names = tags.map((t) => t.name);
  const tabbableName = current !== null && names.includes(current) ? current : names[names.length - 1];

  // The chips' handlers stay the same across renders (they read the newest props from here),
  // so a change to one tag re-renders that chip only.
  const latest = useRef({ names, removable, locked, onRemove, onRetry, onExit });
  latest.current = { names, removable, locked, onRemove, onRetry, onExit };
  const refs = useRef(new Map<string, (element: HTMLDivElement | null) => void>());
  const refFor = (name: string) => {
    let set = refs.current.get(name);
    if (!set) {
      set = (element) => {
        if (element) elements.current.set(name, element);
        else {
          elements.current.delete(name);
          refs.current.delete(name);
        }
      };
      refs.current.set(name, set);
    }
    return set;
  };

  useImperativeHandle(ref, () => ({
    focusLast() {
      const name = names[names.length - 1];
      const element = name === undefined ? undefined : elements.current.get(name);
      if (!element) return false;
      element.focus();
      return true;
    },
  }));

  const handlers = useMemo(() => {
    const focusAt = (index: number) => {
      const name = latest.current.names[index];
      if (name === undefined) return;
      elements.current.get(name)?.focus();
    };
    return {
      remove(name: string) {
        latest.current.onRemove(name);
        latest.current.onExit();
      },
      retry: (name: string) => latest.current.onRetry(name),
      focus: (name: string) => setCurrent(name),
      keyDown(name: string, event: KeyboardEvent<HTMLDivElement>) {
        const { names, removable, locked, onRemove, onExit } = latest.current;
        const index = names.indexOf(name);
        switch (event.key) {
          case 'Backspace':
          case 'Delete':
            if (!removable || locked.isProtected(name)) return;
            event.preventDefault();
            onRemove(name);
            onExit();
            return;
          case 'ArrowLeft':
          case 'ArrowUp':
            event.preventDefault();
            focusAt(Math.max(0, index - 1));
            return;
          case 'ArrowRight':
          case 'ArrowDown':
            event.preventDefault();
            if (index === names.length - 1) onExit();
            else focusAt(index + 1);
            return;
          case 'Home':
            event.preventDefault();
            focusAt(0);
            return;
          case 'End':
            event.preventDefault();
            focusAt(names.length - 1);
            return;
          case 'Escape':
            event.preventDefault();
            onExit();
            return;
          default:
            // Typing on a tag means typing a new one: the keystroke continues in the add field.
            if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) onExit();
        }
      },
    };
  }, []);

  return (
    <List aria-label={label}>
      {tags.map((tag) => (
        <TagChip
          key={tag.name}
          ref={refFor(tag.name)}
          tag={tag}
          origin={origins?.get(tag.name)}
          removable={removable}
          tabbable={tag.name === tabbableName}
          onRemove={handlers.remove}
          onRetry={handlers.retry}
          onKeyDown={handlers.keyDown}
          onFocus={handlers.focus}
        />
      ))}
    </List>
  );
});
