import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TagView } from '../../domain/sync/view';
import { BIG_CHANGE, changedMoreThan, useShownTags } from './useShownTags';

const tags = (n: number): TagView[] => Array.from({ length: n }, (_, i) => ({ name: `tag_${i}`, state: 'saved' }));

/** The number of tags each render of the list would show. */
function renders(from: number, to: number, { loading = false } = {}): number[] {
  const seen: number[] = [];
  function List({ list, ready }: { list: readonly TagView[]; ready: boolean }) {
    seen.push(useShownTags(list, ready).length);
    return null;
  }
  const { rerender } = render(<List list={tags(from)} ready={!loading} />);
  rerender(<List list={tags(to)} ready />);
  return seen;
}

describe('the tags the list shows', () => {
  it('a change of a few tags shows in the render that made it', () => {
    const seen = renders(3, 8);
    expect(seen[0]).toBe(3);
    // Every render after the change shows it: none shows the old list.
    expect(seen.slice(1).every((n) => n === 8)).toBe(true);
  });

  it('a paste of hundreds renders first without them, then with them, in a render of its own', () => {
    const seen = renders(3, 3 + BIG_CHANGE + 1);
    expect(seen).toEqual([3, 3, 3 + BIG_CHANGE + 1]);
  });

  it("a record's first tags show in the render that brings them, however many", () => {
    const seen = renders(0, 1000, { loading: true });
    expect(seen.slice(1).every((n) => n === 1000)).toBe(true);
  });

  it('a removal of hundreds at once catches up the same way, and ends on the new list', () => {
    const seen = renders(1000, 10);
    expect(seen.at(1)).toBe(1000);
    expect(seen.at(-1)).toBe(10);
  });

  it('the answer that saves a paste of hundreds catches up the same way, though no tag came or went', () => {
    const seen: string[] = [];
    function List({ list }: { list: readonly TagView[] }) {
      seen.push(useShownTags(list, true)[0]!.state);
      return null;
    }
    const pasted = (state: TagView['state']): TagView[] => tags(BIG_CHANGE + 1).map((tag) => ({ ...tag, state }));
    const { rerender } = render(<List list={pasted('saving')} />);
    rerender(<List list={pasted('saved')} />);
    expect(seen).toEqual(['saving', 'saving', 'saved']);
  });
});

describe('how big a change is', () => {
  it('counts tags added, removed or changed in state, by name', () => {
    const before = tags(5000);
    expect(changedMoreThan(before, before.filter((t) => t.name !== 'tag_10'), 0)).toBe(true);
    // One removal of 5,000 is one change, though every tag after it moved.
    expect(changedMoreThan(before, before.filter((t) => t.name !== 'tag_10'), 1)).toBe(false);
    const saved = before.map((t, i) => (i < 3 ? { ...t, state: 'saving' as const, pending: 'add' as const } : t));
    expect(changedMoreThan(before, saved, 2)).toBe(true);
    expect(changedMoreThan(before, saved, 3)).toBe(false);
    expect(changedMoreThan(before, [...before, ...tags(4).map((t) => ({ ...t, name: `new_${t.name}` }))], 3)).toBe(true);
    // Two tags for two others: four changes.
    const swapped = [...before.slice(2), ...tags(2).map((t) => ({ ...t, name: `new_${t.name}` }))];
    expect(changedMoreThan(before, swapped, 3)).toBe(true);
    expect(changedMoreThan(before, swapped, 4)).toBe(false);
  });
});
