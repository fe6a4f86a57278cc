import '../testing/timing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPanel } from '../testing/renderPanel';

// A rule whose last compound is universal after a sibling combinator ("> * + *") makes Chrome
// restyle the whole subtree of every following sibling each time an element is added or
// removed under any parent. On a big record each removal then restyled the whole tag grid.
const UNIVERSAL_SIBLING = /[+~]\s*(\*|:where\([^)]*\)|:not\([^)]*\))?\s*(?=[,{]|$)/;

function selectorsIn(cssText: string): string[] {
  const withoutBodies = cssText.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\{[^{}]*\}/g, '{}');
  return withoutBodies
    .split('{}')
    .flatMap((group) => group.split(','))
    .map((selector) => selector.replace(/@media[^{]*\{/g, '').trim())
    .filter(Boolean);
}

function universalSiblingSelectors(cssText: string): string[] {
  return selectorsIn(cssText).filter((selector) => UNIVERSAL_SIBLING.test(selector));
}

describe('the panel styles, for a big record', () => {
  it('the check finds a universal sibling rule where there is one', () => {
    expect(universalSiblingSelectors('.a > * + * { margin-top: 8px } .b + .b { border: 0 }')).toEqual(['.a > * + *']);
    expect(universalSiblingSelectors('.a > :not(:first-child) { margin-top: 8px }')).toEqual([]);
  });

  it('no rule of the panel or of its first paint styles every element after a sibling', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `tag_${i}`);
    const { user } = renderPanel({ ticket: { id: 7, tags: names } });
    const region = await screen.findByRole('region', { name: 'Ticket tags' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Remove tag tag_299' })).toBeInTheDocument());
    // A removal and a notice: the states whose styles a change adds.
    await user.click(within(region).getByRole('button', { name: 'Remove tag tag_299' }));
    await waitFor(() => expect(within(region).queryByText('tag_299')).toBeNull());
    const generated = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n');
    expect(selectorsIn(generated).length).toBeGreaterThan(50);
    expect(universalSiblingSelectors(generated)).toEqual([]);
    const firstPaintCss = readFileSync(join(__dirname, '../firstPaint.css'), 'utf8');
    expect(selectorsIn(firstPaintCss).length).toBeGreaterThan(5);
    expect(universalSiblingSelectors(firstPaintCss)).toEqual([]);
  });
});
