import { useDeferredValue, useMemo } from 'react';
import { sameTagView, type TagView } from '../../domain/sync/view';

/** More tags than this changed at once (a paste, or its confirmation) and the list catches up in the background. */
export const BIG_CHANGE = 200;

/** Whether more than `limit` tags were added, removed or changed state from `before` to `after`. */
export function changedMoreThan(before: readonly TagView[], after: readonly TagView[], limit: number): boolean {
  if (before === after) return false;
  if (Math.abs(before.length - after.length) > limit) return true;
  // By name, not by place: removing one tag of 5,000 moves every tag after it.
  const earlier = new Map(before.map((tag) => [tag.name, tag]));
  let added = 0;
  let restated = 0;
  for (const tag of after) {
    const was = earlier.get(tag.name);
    if (!was) added++;
    else if (!sameTagView(was, tag)) restated++;
    if (added + restated > limit) return true;
  }
  // The tags of `before` that `after` no longer has.
  const removed = before.length - (after.length - added);
  return added + restated + removed > limit;
}

/**
 * The tags the list shows. A change of a few tags shows in the render that made it. A change
 * of hundreds to a list on screen (a paste of 10,000, the answer that saves them) shows a moment later: React
 * renders the new list in slices between frames, so no task holds the frame for long.
 */
export function useShownTags(tags: readonly TagView[], ready: boolean): readonly TagView[] {
  const later = useDeferredValue(tags);
  // The record's first tags (a ticket opened with 1,000) show in the render that brings them:
  // only a change to a list already on screen waits.
  const wasReady = useDeferredValue(ready);
  const big = useMemo(() => wasReady && changedMoreThan(later, tags, BIG_CHANGE), [wasReady, later, tags]);
  return big ? later : tags;
}
