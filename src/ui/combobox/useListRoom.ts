import { useLayoutEffect, type RefObject } from 'react';

/** Air below the list, in pixels. */
const AIR = 4;

/** Whether an element clips what overflows it (as a dialog's scrolling body does). */
function clips(element: Element): boolean {
  const { overflowY } = getComputedStyle(element);
  return overflowY !== 'visible' && overflowY !== '';
}

/**
 * Room for the list floating below the field, which covers what follows instead of pushing it.
 *
 * With `growSelector` (the sidebar, whose frame is sized to the app): while the list shows,
 * the ancestor it names gets a minimum height that reaches below the list, so the frame grows
 * and nothing moves; it is given back when the list closes. One list is open at a time (it
 * closes when its field loses the focus).
 *
 * Without it (a dialog): the list is no taller than the room below the field inside the
 * nearest ancestor that clips, and scrolls within that.
 */
export function useListRoom(
  anchorRef: RefObject<HTMLElement>,
  listRef: RefObject<HTMLElement>,
  open: boolean,
  maxHeight: number,
  growSelector: string | undefined,
): void {
  // Every render while open: the list's height follows its options.
  useLayoutEffect(() => {
    const anchor = anchorRef.current;
    const list = listRef.current;
    if (!open || !anchor || !list) return;
    if (growSelector !== undefined) {
      const root = anchor.closest<HTMLElement>(growSelector);
      if (!root) return;
      const bottom = list.getBoundingClientRect().bottom - root.getBoundingClientRect().top + AIR;
      const height = `${Math.ceil(bottom)}px`;
      if (root.style.minHeight !== height) root.style.minHeight = height;
      return;
    }
    let clip: Element | null = anchor.parentElement;
    while (clip && !clips(clip)) clip = clip.parentElement;
    const limit = clip ? clip.getBoundingClientRect().bottom : window.innerHeight;
    const room = Math.floor(limit - list.getBoundingClientRect().top - AIR);
    // A layout-less environment (no size at all) keeps the list's own maximum.
    // (The list's minimum height, one option, wins over a smaller room.)
    list.style.maxHeight = room > 0 ? `${Math.min(maxHeight, room)}px` : '';
  });

  useLayoutEffect(() => {
    const root = growSelector !== undefined ? anchorRef.current?.closest<HTMLElement>(growSelector) : null;
    if (!open || !root) return;
    return () => {
      root.style.minHeight = '';
    };
  }, [open, growSelector, anchorRef]);
}
