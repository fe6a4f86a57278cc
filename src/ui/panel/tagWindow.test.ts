import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE, ROW_ESTIMATE, blockHeights, renderedBlocks, type WindowFrame } from './tagWindow';

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
    const heights = blockHeights(frame({ count, heights: new Map([[0, BLOCK_SIZE * 30]]) }));
    expect(heights).toEqual([BLOCK_SIZE * 30, BLOCK_SIZE * 30, (BLOCK_SIZE / 2) * 30]);
  });
});
