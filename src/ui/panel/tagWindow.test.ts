import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, ROW_ESTIMATE, blockHeights, renderedBlocks, windowParts, type WindowFrame } from './tagWindow';

const frame = (over: Partial<WindowFrame>): WindowFrame => ({ count: 5000, heights: new Map(), top: 0, viewHeight: 200, pinned: [], ...over });
const block = BLOCK_SIZE * ROW_ESTIMATE;

describe('which blocks of a big record are rendered', () => {
  it('the blocks within half a view above and below the view, and no other', () => {
    // View [top, top + 200]; rendered: [top - 100, top + 300].
    expect(renderedBlocks(frame({ top: block * 10 + 150 }))).toEqual([10]);
    expect(renderedBlocks(frame({ top: block * 10 - 50 }))).toEqual([9, 10]);
    expect(renderedBlocks(frame({ top: block * 10 + 50 }))).toEqual([9, 10]);
    expect(renderedBlocks(frame({ top: block * 11 - 250 }))).toEqual([10, 11]);
  });

  it('keeps the blocks of pinned tags, wherever the view is', () => {
    expect(renderedBlocks(frame({ pinned: [4999, 2500] }))).toEqual([0, Math.floor(2500 / BLOCK_SIZE), Math.floor(4999 / BLOCK_SIZE)]);
  });

  it('before any layout, the top block alone', () => {
    expect(renderedBlocks(frame({ viewHeight: 0 }))).toEqual([0]);
  });

  it('a view past the end (after many removals) shows the last block, never nothing', () => {
    const count = BLOCK_SIZE * 5 + 3;
    expect(renderedBlocks(frame({ count, top: 1e7 }))).toEqual([5]);
  });

  it('spacers take the measured height per line, and the last block counts only its lines', () => {
    const count = BLOCK_SIZE * 2 + BLOCK_SIZE / 2;
    const heights = blockHeights(frame({ count, heights: new Map([[0, { height: BLOCK_SIZE * 30, rows: BLOCK_SIZE }]]) }));
    expect(heights).toEqual([BLOCK_SIZE * 30, BLOCK_SIZE * 30, (BLOCK_SIZE / 2) * 30]);
  });

  it('a removal that shortens the last block moves no other block', () => {
    // 5,000 tags: the top block and the last one measured, 20 lines each.
    const measured = new Map([
      [0, { height: BLOCK_SIZE * 30, rows: BLOCK_SIZE }],
      [249, { height: BLOCK_SIZE * 26, rows: BLOCK_SIZE }],
    ]);
    const before = blockHeights(frame({ count: 5000, heights: measured }));
    const after = blockHeights(frame({ count: 4999, heights: measured }));
    // Every block but the last keeps its height; the last, measured with one more line, is estimated again.
    expect(after.slice(0, 249)).toEqual(before.slice(0, 249));
    expect(after[249]).toBeCloseTo((BLOCK_SIZE - 1) * 28);
  });
});

describe('the parts of the scroll box', () => {
  it('one spacer per run of blocks not rendered, as tall as the run', () => {
    expect(windowParts([10, 20, 30, 40, 50], [2])).toEqual([{ gap: { from: 0, to: 1 }, height: 30 }, { block: 2 }, { gap: { from: 3, to: 4 }, height: 90 }]);
    expect(windowParts([10, 20, 30, 40, 50], [0, 1, 4])).toEqual([{ block: 0 }, { block: 1 }, { gap: { from: 2, to: 3 }, height: 70 }, { block: 4 }]);
  });

  it('on a 5,000-tag record, a handful of elements stand for the blocks out of view', () => {
    const heights = blockHeights(frame({ count: 5000 }));
    const parts = windowParts(heights, [3, 4, 249]);
    expect(parts).toHaveLength(5);
    // Nothing is lost: the parts are as tall as all the blocks.
    const total = parts.reduce((sum, part) => sum + ('block' in part ? heights[part.block]! : part.height), 0);
    expect(total).toBeCloseTo(heights.reduce((a, b) => a + b, 0));
  });
});
