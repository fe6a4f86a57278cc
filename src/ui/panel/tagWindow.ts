// Which tags of a big record are in the DOM. Above `WINDOW_ABOVE` tags the list is a scroll box
// of one tag per line, cut into blocks of `BLOCK_SIZE`; only the blocks near the box's view
// (and the ones holding a tag that must be reachable) are rendered, the others are spacers of
// their height. Styling and laying out thousands of chips is what made a removal or a long
// paste freeze the sidebar for seconds; a few hundred cost a few milliseconds.

/** More tags than this and the list is windowed. */
export const WINDOW_ABOVE = 200;
export const BLOCK_SIZE = 20;
/** A line's height before any block was measured: a compact pill and the gap under it. */
export const ROW_ESTIMATE = 28;

export interface MeasuredBlock {
  readonly height: number;
  readonly rows: number;
}

export interface WindowFrame {
  readonly count: number;
  /** Blocks as last measured on screen: their height and how many lines they held then. */
  readonly heights: ReadonlyMap<number, MeasuredBlock>;
  /** The box's scroll offset and the height of its view. */
  readonly top: number;
  readonly viewHeight: number;
  /** Indexes of tags that must be in the DOM (the one in the tab order, one about to take focus). */
  readonly pinned: readonly number[];
}

export function blockCount(count: number): number {
  return Math.ceil(count / BLOCK_SIZE);
}

export function rowsIn(block: number, count: number): number {
  return Math.max(0, Math.min(BLOCK_SIZE, count - block * BLOCK_SIZE));
}

/**
 * Height per line from what was measured, so spacers match the blocks they stand for. Each
 * block counts with the lines it held when measured: a removal that shortens the last block
 * must not stretch every estimated block (the rendered ones would then move out of the view).
 */
function perRow(frame: WindowFrame): number {
  let height = 0;
  let rows = 0;
  for (const measured of frame.heights.values()) {
    if (measured.height > 0 && measured.rows > 0) {
      height += measured.height;
      rows += measured.rows;
    }
  }
  return rows > 0 ? height / rows : ROW_ESTIMATE;
}

/** Each block's height: as measured while it held as many lines as now, else estimated. */
export function blockHeights(frame: WindowFrame): number[] {
  const row = perRow(frame);
  return Array.from({ length: blockCount(frame.count) }, (_, block) => {
    const measured = frame.heights.get(block);
    const rows = rowsIn(block, frame.count);
    return measured !== undefined && measured.height > 0 && measured.rows === rows ? measured.height : rows * row;
  });
}

/**
 * The blocks to render, in order: those within one view's height above and below the view,
 * plus the blocks of pinned tags. With no view yet (not laid out) the block at the top.
 */
export function renderedBlocks(frame: WindowFrame, heights: readonly number[] = blockHeights(frame)): number[] {
  const wanted = new Set<number>();
  const from = frame.top - frame.viewHeight / 2;
  const to = frame.top + Math.max(frame.viewHeight, 1) * 1.5;
  let start = 0;
  heights.forEach((height, block) => {
    const end = start + height;
    if (end >= from && start <= to) wanted.add(block);
    start = end;
  });
  if (wanted.size === 0 && heights.length > 0) wanted.add(heights.length - 1);
  for (const index of frame.pinned) {
    if (index >= 0 && index < frame.count) wanted.add(Math.floor(index / BLOCK_SIZE));
  }
  return [...wanted].sort((a, b) => a - b);
}

/** What the scroll box holds, in order: a rendered block, or one spacer for a run of blocks that are not. */
export type WindowPart = { readonly block: number } | { readonly gap: { readonly from: number; readonly to: number }; readonly height: number };

/**
 * The rendered blocks with one spacer for each run of blocks between them. A spacer per block
 * would be hundreds of elements on a 5,000-tag record, each restyled and laid out again on
 * every removal (their estimated heights move with the count).
 */
export function windowParts(heights: readonly number[], rendered: readonly number[]): WindowPart[] {
  const parts: WindowPart[] = [];
  let next = 0;
  const gapUntil = (end: number) => {
    if (end <= next) return;
    let height = 0;
    for (let block = next; block < end; block++) height += heights[block] ?? 0;
    parts.push({ gap: { from: next, to: end - 1 }, height });
  };
  for (const block of rendered) {
    if (block < next || block >= heights.length) continue;
    gapUntil(block);
    parts.push({ block });
    next = block + 1;
  }
  gapUntil(heights.length);
  return parts;
}
