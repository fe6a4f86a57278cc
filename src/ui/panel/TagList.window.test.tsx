import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type ReadRules } from '../../domain/rules';
import type { TagView } from '../../domain/sync/view';
import { I18nProvider, englishTranslator } from '../../i18n';
import { TagRulesProvider } from '../rules/TagRulesContext';
import { TagList } from './TagList';
import { BLOCK_SIZE, WINDOW_ABOVE } from './tagWindow';

// A record with thousands of tags keeps a few blocks of them in the DOM, and still behaves as
// one grid: positions of the whole list, every tag reachable from the keyboard.
const names = Array.from({ length: 1000 }, (_, i) => `tag_${String(i).padStart(4, '0')}`);
const saved = (list: readonly string[]): TagView[] => list.map((name) => ({ name, state: 'saved' }));

function List({ initial, asked }: { initial: readonly string[]; asked?: string[] }) {
  const [tags, setTags] = useState(initial);
  const [rules] = useState<ReadRules>(() => ({
    rules: { ...DEFAULT_RULES, protectedTags: { patterns: [], isProtected: (tag) => (asked?.push(tag), false) } },
    problems: [],
  }));
  return (
    <ThemeProvider>
      <I18nProvider translator={englishTranslator}>
        <TagRulesProvider value={rules}>
          <TagList label="Tags" tags={saved(tags)} removable onRemove={(name) => setTags((list) => list.filter((n) => n !== name))} onRetry={() => undefined} onExit={() => undefined} />
        </TagRulesProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

const grid = () => screen.getByRole('grid', { name: 'Tags' });
const rows = () => within(grid()).getAllByRole('row');
const cell = (name: string) => within(grid()).getByText(name).closest<HTMLElement>('[role="gridcell"]')!;

describe('the tag grid of a big record', () => {
  it('renders a few blocks, not every tag, and gives each row its place in the whole list', () => {
    render(<List initial={names} />);
    expect(grid()).toHaveAttribute('aria-rowcount', '1000');
    const shown = rows();
    // The top block, and the last one (its last tag is the one in the tab order).
    expect(shown.length).toBe(2 * BLOCK_SIZE);
    expect(shown[0]).toHaveAttribute('aria-rowindex', '1');
    expect(shown[BLOCK_SIZE]).toHaveAttribute('aria-rowindex', String(1000 - BLOCK_SIZE + 1));
    expect(shown[BLOCK_SIZE]!.dataset.tag).toBe(names[1000 - BLOCK_SIZE]);
    expect(within(grid()).getByRole('button', { name: 'Remove tag tag_0999' })).toBeInTheDocument();
  });

  it('arrows, Home and End reach tags outside the rendered blocks, and focus them', async () => {
    const user = userEvent.setup();
    render(<List initial={names} />);
    cell(names[BLOCK_SIZE - 1]!).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell(names[BLOCK_SIZE]!));
    expect(cell(names[BLOCK_SIZE]!).closest('[role="row"]')).toHaveAttribute('aria-rowindex', String(BLOCK_SIZE + 1));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(cell('tag_0999'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(cell('tag_0000'));
  });

  it('removing a tag moves focus to the next one, even across a block boundary', async () => {
    const user = userEvent.setup();
    render(<List initial={names} />);
    cell(names[BLOCK_SIZE - 1]!).focus();
    await user.keyboard('{Delete}');
    expect(within(grid()).queryByText(names[BLOCK_SIZE - 1]!)).toBeNull();
    expect(document.activeElement).toBe(cell(names[BLOCK_SIZE]!));
    expect(grid()).toHaveAttribute('aria-rowcount', '999');
  });

  it('removing one tag renders at most one chip per rendered block again', async () => {
    const asked: string[] = [];
    render(<List initial={names} asked={asked} />);
    asked.length = 0;
    await userEvent.setup().click(within(grid()).getByRole('button', { name: 'Remove tag tag_0010' }));
    // The first tag of the next block moves up into the top block; nothing else renders.
    expect([...new Set(asked)].length).toBeLessThanOrEqual(2);
  });

  it('a removal before the tag in the tab order mounts no block only to drop it', async () => {
    const user = userEvent.setup();
    render(<List initial={names} />);
    // tag_0040 opens the third block: with it in the tab order, blocks 0 and 2 are rendered.
    cell(names[BLOCK_SIZE - 1]!).focus();
    await user.keyboard('{ArrowDown}'.repeat(BLOCK_SIZE + 1));
    expect(document.activeElement).toBe(cell(names[2 * BLOCK_SIZE]!));
    expect([...grid().querySelectorAll<HTMLElement>('[data-block]')].map((b) => b.dataset.block)).toEqual(['0', '2']);
    const mounted: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLElement && node.dataset.block !== undefined) mounted.push(node.dataset.block);
    });
    observer.observe(grid(), { childList: true });
    // Removing tag_0005 moves tag_0040 into block 1; the tab order goes to tag_0006 at once,
    // so block 1 is never rendered for the tag that is about to leave the tab order.
    await user.click(within(grid()).getByRole('button', { name: 'Remove tag tag_0005' }));
    observer.disconnect();
    expect(document.activeElement).toBe(cell('tag_0006'));
    expect(mounted).toEqual([]);
    expect(grid().querySelectorAll('[data-block]')).toHaveLength(1);
  });

  it('the blocks out of view are a few spacers, not one per block', () => {
    render(<List initial={names} />);
    // Rendered: the top block and the last; between them one spacer for the 48 other blocks.
    expect(grid().querySelectorAll('[data-spacer]')).toHaveLength(1);
  });

  it('at the threshold or below, every tag is in the DOM with no scroll box', () => {
    render(<List initial={names.slice(0, WINDOW_ABOVE)} />);
    expect(rows()).toHaveLength(WINDOW_ABOVE);
    expect(grid()).not.toHaveAttribute('aria-rowcount');
  });
});
