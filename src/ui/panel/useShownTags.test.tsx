import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TagView } from '../../domain/sync/view';
import { BIG_CHANGE, useShownTags } from './useShownTags';

const tags = (n: number): TagView[] => Array.from({ length: n }, (_, i) => ({ name: `tag_${i}`, state: 'saved' }));

/** The number of tags each render of the list would show. */
function renders(from: number, to: number): number[] {
  const seen: number[] = [];
  function List({ list }: { list: readonly TagView[] }) {
    seen.push(useShownTags(list).length);
    return null;
  }
  const { rerender } = render(<List list={tags(from)} />);
  rerender(<List list={tags(to)} />);
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

  it('a removal of hundreds at once catches up the same way, and ends on the new list', () => {
    const seen = renders(1000, 10);
    expect(seen.at(1)).toBe(1000);
    expect(seen.at(-1)).toBe(10);
  });
});
