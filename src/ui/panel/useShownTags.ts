import { useDeferredValue } from 'react';
import type { TagView } from '../../domain/sync/view';

/** More tags than this changed at once (a paste) and the list catches up in the background. */
export const BIG_CHANGE = 200;

/**
 * The tags the list shows. A change of a few tags shows in the render that made it. A change
 * of hundreds (a paste of 10,000) shows a moment later: React renders the new list in slices
 * between frames, so the field answers at once and no task holds the frame for long.
 */
export function useShownTags(tags: readonly TagView[]): readonly TagView[] {
  const later = useDeferredValue(tags);
  return Math.abs(tags.length - later.length) > BIG_CHANGE ? later : tags;
}
