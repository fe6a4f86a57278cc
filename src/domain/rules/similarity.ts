/**
 * "Did you mean": whether a new tag is a near-duplicate of an existing one. Close means one
 * of, from closest to loosest: the same tag with `_` and `-` swapped, a singular/plural pair,
 * or an edit distance of at most 2 when both tags have 5 or more characters (shorter tags are
 * too often a different word two edits away: "vip" and "sip").
 */

export const MIN_LENGTH_FOR_EDITS = 5;
export const MAX_EDITS = 2;

/** How close two tags are; lower is closer. */
export type Closeness = 'separator' | 'plural' | 'edit1' | 'edit2';
const ORDER: Record<Closeness, number> = { separator: 0, plural: 1, edit1: 2, edit2: 3 };

function unifySeparators(tag: string): string {
  return tag.replace(/-/gu, '_');
}

/** "ticket"/"tickets", "box"/"boxes", "policy"/"policies", in either order. */
export function isPluralPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || short === long) return false;
  if (long === `${short}s` || long === `${short}es`) return true;
  return short.endsWith('y') && long === `${short.slice(0, -1)}ies`;
}

// One row buffer per length, reused: the check runs over every known tag on each keystroke.
let previous = new Int32Array(0);
let current = new Int32Array(0);

/** Levenshtein distance if it is at most `max`, else `max + 1`; stops as soon as it must exceed. */
export function boundedEditDistance(a: string, b: string, max = MAX_EDITS): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (previous.length < n + 1) {
    previous = new Int32Array(n + 1);
    current = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[n]!, max + 1);
}

/** How close `typed` is to `existing`, or null when they are not close (or the same tag). */
export function closeness(typed: string, existing: string): Closeness | null {
  if (typed === existing) return null;
  const a = unifySeparators(typed);
  const b = unifySeparators(existing);
  if (a === b) return 'separator';
  if (isPluralPair(a, b)) return 'plural';
  if ([...typed].length < MIN_LENGTH_FOR_EDITS || [...existing].length < MIN_LENGTH_FOR_EDITS) return null;
  const distance = boundedEditDistance(a, b);
  if (distance === 1) return 'edit1';
  if (distance === 2) return 'edit2';
  return null;
}

export interface KnownTag {
  readonly name: string;
  /** Tickets carrying it, when known (the account's tag list says). */
  readonly count?: number;
}

/**
 * The existing tag a new tag most likely meant: the closest one, then the most used, then
 * the first met (lists come most popular first). `skip` leaves out tags that cannot be
 * offered (already on the record, protected). Several lists may be given (the cached account
 * tags, then an autocomplete answer) so that none has to be copied on every keystroke.
 */
export function didYouMean(typed: string, lists: readonly (readonly KnownTag[])[], skip: (name: string) => boolean = () => false): KnownTag | null {
  if (typed === '') return null;
  let best: KnownTag | null = null;
  let bestOrder = Infinity;
  const typedLength = typed.length;
  for (const known of lists) {
    for (const tag of known) {
      // Cheap length test first: no close pair differs by more than 2 characters ("policy"/"policies").
      if (Math.abs(tag.name.length - typedLength) > MAX_EDITS) continue;
      const found = closeness(typed, tag.name);
      if (found === null) continue;
      const order = ORDER[found];
      if (order < bestOrder || (order === bestOrder && best !== null && (tag.count ?? 0) > (best.count ?? 0))) {
        if (skip(tag.name)) continue;
        best = tag;
        bestOrder = order;
      }
    }
  }
  return best;
}
