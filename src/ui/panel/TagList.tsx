import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import styled from 'styled-components';
import type { TagOrigin } from '../../domain/provenance';
import type { TagView } from '../../domain/sync/view';
import { useTagRules } from '../rules/TagRulesContext';
import { TagChip } from './TagChip';
import { densityFor, type TagDensity } from './density';
import { BLOCK_SIZE, WINDOW_ABOVE, blockHeights, renderedBlocks, windowParts, type MeasuredBlock } from './tagWindow';

const Grid = styled.ul`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  margin: 0;
  padding: 0;
  list-style: none;
`;

// A big record's tags: one per line in a scroll box, so that only the lines in view need be
// in the DOM (see tagWindow.ts). The blocks are row groups of the one grid.
// The space under each block is its own padding, so a block's measured height is all the room
// it takes, and spacers stand in for exactly that. The box's padding is room for the focus
// ring; its negative margin keeps the pills aligned with the rest of the panel.
const Scroller = styled.div`
  display: flex;
  flex-direction: column;
  max-height: ${(p) => p.theme.space.base * 90}px;
  overflow-y: auto;
  overscroll-behavior: contain;
  margin: 0 -${(p) => p.theme.space.xxs};
  padding: ${(p) => p.theme.space.xxs};
`;

const Block = styled.ul`
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: ${(p) => p.theme.space.xxs};
  margin: 0;
  padding: 0 0 ${(p) => p.theme.space.xxs};
  list-style: none;
`;

export interface TagListApi {
  /** Moves focus to the last tag (Backspace in the empty field). False when there is none. */
  focusLast(): boolean;
  /** Moves focus to a tag, now or as soon as it shows (after Undo brings it back). */
  focusTag(name: string): void;
}

export interface TagListProps {
  readonly label: string;
  readonly tags: readonly TagView[];
  readonly origins?: ReadonlyMap<string, TagOrigin>;
  readonly removable: boolean;
  readonly onRemove: (name: string) => void;
  /** Send the failed change of this one tag again. */
  readonly onRetry: (name: string) => void;
  /** Focus leaves the list towards the add field (Escape, → past the end, no tag left). */
  readonly onExit: () => void;
}

/**
 * The tags in server order, as a grid with one row per tag (screen readers say "row 3 of 6").
 * Every row is in the DOM, so the browser counts the positions itself: no aria-rowindex, which
 * would change on every chip after a removed tag and re-render thousands of them.
 * One tag at a time is in the tab order, with its origin marker after it. Arrows move between
 * tags, Home/End to the first/last tag; Backspace or Delete removes the tag
 * (never in one keystroke from the field), and focus goes to the next tag, or to the field
 * when none is left.
 */
export const TagList = forwardRef<TagListApi, TagListProps>(function TagList({ label, tags, origins, removable, onRemove, onRetry, onExit }, ref) {
  const cells = useRef(new Map<string, HTMLSpanElement>());
  const locked = useTagRules().rules.protectedTags;
  const [current, setCurrent] = useState<string | null>(null);
  /** A tag to focus once it shows (after Undo, Retry, a removal). */
  const pendingFocus = useRef<{ name: string } | null>(null);
  const names = tags.map((t) => t.name);
  const tabbableName = current !== null && names.includes(current) ? current : names[names.length - 1];
  const density: TagDensity = densityFor(tags.length);
  const box = useRef<HTMLDivElement>(null);

  // The chips' handlers stay the same across renders (they read the newest props from here),
  // so a change to one tag re-renders that chip only.
  const latest = useRef({ names, onRemove, onRetry, onExit });
  latest.current = { names, onRemove, onRetry, onExit };
  const refs = useRef(new Map<string, (element: HTMLSpanElement | null) => void>());
  const refFor = (name: string) => {
    let set = refs.current.get(name);
    if (!set) {
      set = (element) => {
        if (element) cells.current.set(name, element);
        else {
          cells.current.delete(name);
          refs.current.delete(name);
        }
      };
      refs.current.set(name, set);
    }
    return set;
  };

  const windowed = tags.length > WINDOW_ABOVE;
  // A tag outside the rendered blocks about to take focus is pinned through `pendingFocus`;
  // this renders the list again so that its block is there to focus.
  const [, renderForFocus] = useReducer((n: number) => n + 1, 0);

  const focusName = (name: string | undefined): boolean => {
    const element = name === undefined ? undefined : cells.current.get(name);
    if (element) {
      element.focus();
      return true;
    }
    if (!windowed || name === undefined || !names.includes(name)) return false;
    pendingFocus.current = { name };
    renderForFocus();
    return true;
  };

  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    if (focusName(wanted.name)) pendingFocus.current = null;
  });

  useImperativeHandle(ref, () => ({
    focusLast: () => focusName(names[names.length - 1]),
    focusTag(name) {
      if (!focusName(name)) pendingFocus.current = { name };
    },
  }));

  const handlers = useMemo(
    () => ({
      /** Removes a tag; focus goes to the tag after it, else the one before, else the field. */
      remove(name: string) {
        const { names, onRemove, onExit } = latest.current;
        const index = names.indexOf(name);
        const next = names[index + 1] ?? names[index - 1];
        onRemove(name);
        // With no tag left the list goes away: the field takes focus at once.
        if (next === undefined) onExit();
        else {
          pendingFocus.current = { name: next };
          // The next tag joins the tab order in this same render: the old one's block (pinned
          // while it was tabbable) must not be rendered once more and dropped at the focus.
          setCurrent(next);
        }
      },
      retry(name: string) {
        pendingFocus.current = { name };
        latest.current.onRetry(name);
      },
      focus: (name: string) => setCurrent(name),
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"]');
    const name = row?.dataset.tag;
    if (!row || name === undefined) return;
    const index = names.indexOf(name);
    const onButton = target.tagName === 'BUTTON';
    switch (event.key) {
      case 'Backspace':
      case 'Delete':
        if (!removable || locked.isProtected(name)) return;
        event.preventDefault();
        handlers.remove(name);
        return;
      case 'ArrowLeft':
      case 'ArrowUp':
        event.preventDefault();
        focusName(names[Math.max(0, index - 1)]);
        return;
      case 'ArrowRight':
      case 'ArrowDown':
        event.preventDefault();
        if (index === names.length - 1) onExit();
        else focusName(names[index + 1]);
        return;
      case 'Home':
        event.preventDefault();
        focusName(names[0]);
        return;
      case 'End':
        event.preventDefault();
        focusName(names[names.length - 1]);
        return;
      case 'Escape':
        event.preventDefault();
        onExit();
        return;
      default:
        // Typing on a tag means typing a new one: the keystroke continues in the add field.
        // Space and Enter on a button press it.
        if (onButton && (event.key === ' ' || event.key === 'Enter')) return;
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) onExit();
    }
  };

  const chip = (tag: TagView) => (
    <TagChip
      key={tag.name}
      ref={refFor(tag.name)}
      tag={tag}
      origin={origins?.get(tag.name)}
      removable={removable}
      tabbable={tag.name === tabbableName}
      density={density}
      onRemove={handlers.remove}
      onRetry={handlers.retry}
      onFocus={handlers.focus}
    />
  );

  const pinned = [names.indexOf(tabbableName ?? ''), names.indexOf(pendingFocus.current?.name ?? '')];
  const blocks = useTagWindow(box, windowed, names.length, pinned);

  if (!windowed) {
    return (
      <Grid role="grid" aria-label={label} data-density={density} onKeyDown={onKeyDown}>
        {tags.map(chip)}
      </Grid>
    );
  }
  const parts: ReactNode[] = windowParts(blocks.heights, blocks.rendered).map((part) =>
    'block' in part ? (
      <Block key={part.block} role="rowgroup" data-block={part.block}>
        {tags.slice(part.block * BLOCK_SIZE, (part.block + 1) * BLOCK_SIZE).map(chip)}
      </Block>
    ) : (
      <div key={`gap${part.gap.from}`} role="none" data-spacer={`${part.gap.from}-${part.gap.to}`} style={{ height: part.height, flexShrink: 0 }} />
    ),
  );
  return (
    <Scroller ref={box} role="grid" aria-label={label} aria-rowcount={names.length} data-density={density} data-windowed="" onKeyDown={onKeyDown} onScroll={blocks.onScroll}>
      {parts}
    </Scroller>
  );
});

/**
 * The blocks of a windowed list to render, kept in step with the box's scroll offset and size.
 * After each render it measures the rendered blocks (so spacers keep their true height) and
 * numbers their rows: with most rows out of the DOM, the browser cannot count positions.
 */
function useTagWindow(box: RefObject<HTMLDivElement>, windowed: boolean, count: number, pinned: readonly number[]) {
  const heights = useRef(new Map<number, MeasuredBlock>());
  const [view, setView] = useState({ top: 0, height: 0 });
  const [, remeasured] = useState(0);
  const frame = { count, heights: heights.current, top: view.top, viewHeight: view.height, pinned };
  const spans = windowed ? blockHeights(frame) : [];
  const rendered = windowed ? renderedBlocks(frame, spans) : [];
  const renderedKey = rendered.join(',');
  const latest = useRef({ count, pinned, renderedKey });
  latest.current = { count, pinned, renderedKey };

  const onScroll = useCallback(() => {
    const element = box.current;
    if (!element) return;
    const next = { top: element.scrollTop, height: element.clientHeight };
    const { count, pinned, renderedKey } = latest.current;
    // A scroll within the rendered blocks changes nothing on screen: no render.
    if (renderedBlocks({ count, heights: heights.current, top: next.top, viewHeight: next.height, pinned }).join(',') !== renderedKey) setView(next);
  }, [box]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!windowed || !element) return;
    let changed = false;
    for (const group of element.querySelectorAll<HTMLElement>(':scope > [data-block]')) {
      const block = Number(group.dataset.block);
      const height = group.getBoundingClientRect().height;
      const rows = group.children.length;
      const known = heights.current.get(block);
      if (height > 0 && (!known || known.rows !== rows || Math.abs(known.height - height) > 0.5)) {
        heights.current.set(block, { height, rows });
        changed = true;
      }
      let row = block * BLOCK_SIZE;
      // Written only where it changed: each write invalidates the row's style.
      for (const item of group.children) {
        const index = String(++row);
        if (item.getAttribute('aria-rowindex') !== index) item.setAttribute('aria-rowindex', index);
      }
    }
    if (changed) remeasured((n) => n + 1);
    if (element.clientHeight !== view.height) onScroll();
  });

  useLayoutEffect(() => {
    const element = box.current;
    if (!windowed || !element || typeof ResizeObserver === 'undefined') return;
    // A narrower box wraps long names onto more lines: measure again.
    const observer = new ResizeObserver(() => {
      heights.current.clear();
      remeasured((n) => n + 1);
      onScroll();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, windowed, onScroll]);

  return { rendered, heights: spans, onScroll };
}
