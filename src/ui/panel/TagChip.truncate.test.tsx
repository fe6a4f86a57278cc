import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULES } from '../../domain/rules';
import { I18nProvider, englishTranslator } from '../../i18n';
import { TagRulesProvider } from '../rules/TagRulesContext';
import { TagList } from './TagList';

// A long name is cut with an ellipsis and shown whole in a tooltip. Whether it is cut is read
// from the observer's first report, after layout: a read while mounting forces a layout of the
// whole panel, once per chip (a removal on a big record mounts a few).
const observers: { callback: () => void; targets: Element[] }[] = [];
class StubResizeObserver {
  private readonly entry: { callback: () => void; targets: Element[] };
  constructor(callback: () => void) {
    this.entry = { callback, targets: [] };
    observers.push(this.entry);
  }
  observe(target: Element) {
    this.entry.targets.push(target);
  }
  disconnect() {
    this.entry.targets = [];
  }
}

let layoutReads = 0;
const LONG = 'a_tag_name_far_too_long_for_the_sidebar_to_show_in_full';

beforeEach(() => {
  observers.length = 0;
  layoutReads = 0;
  vi.stubGlobal('ResizeObserver', StubResizeObserver);
  // The name is 400 px wide in a 200 px cell.
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(() => (layoutReads++, 400));
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => (layoutReads++, 200));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderList() {
  return render(
    <ThemeProvider>
      <I18nProvider translator={englishTranslator}>
        <TagRulesProvider value={{ rules: DEFAULT_RULES, problems: [] }}>
          <TagList label="Tags" tags={[{ name: LONG, state: 'saved' }]} removable onRemove={() => undefined} onRetry={() => undefined} onExit={() => undefined} />
        </TagRulesProvider>
      </I18nProvider>
    </ThemeProvider>,
  );
}

describe('a tag name too long for the panel', () => {
  it('is measured when the observer reports, not while the chip mounts, and then gets its tooltip', async () => {
    renderList();
    expect(layoutReads).toBe(0);
    expect(screen.getAllByText(LONG)).toHaveLength(1);
    const watching = observers.filter((o) => o.targets.some((t) => t.textContent === LONG));
    expect(watching).toHaveLength(1);
    act(() => watching[0]!.callback());
    expect(layoutReads).toBeGreaterThan(0);
    await userEvent.setup().hover(screen.getAllByText(LONG)[0]!);
    expect(await screen.findByRole('tooltip', {}, { timeout: 2000 })).toHaveTextContent(LONG);
  });
});
