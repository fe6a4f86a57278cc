export type TagDensity = 'comfortable' | 'compact';

/** Above this many tags the pills are compact: 40 tags stay a few rows, the field in view. */
export const COMPACT_ABOVE = 12;

/** How big a record's pills are: the panel and the entry's first paint decide alike. */
export function densityFor(count: number): TagDensity {
  return count > COMPACT_ABOVE ? 'compact' : 'comfortable';
}
