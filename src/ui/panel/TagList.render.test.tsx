import { render } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type ReadRules } from '../../domain/rules';
import type { TagView } from '../../domain/sync/view';
import { I18nProvider, englishTranslator } from '../../i18n';
import { TagRulesProvider } from '../rules/TagRulesContext';
import { TagList } from './TagList';
import { WINDOW_ABOVE } from './tagWindow';

// On a record with thousands of tags one change must cost one chip, not thousands: every chip
// render asks the rules whether its tag is protected, so the questions count the renders.
function setup(names: readonly string[]) {
  const asked: string[] = [];
  const rules: ReadRules = {
    rules: { ...DEFAULT_RULES, protectedTags: { patterns: [], isProtected: (tag) => (asked.push(tag), false) } },
    problems: [],
  };
  const view = (tags: readonly TagView[]) => (
    <ThemeProvider>
      <I18nProvider translator={englishTranslator}>
        <TagRulesProvider value={rules}>
          <TagList label="Tags" tags={tags} removable onRemove={() => undefined} onRetry={() => undefined} onExit={() => undefined} />
        </TagRulesProvider>
      </I18nProvider>
    </ThemeProvider>
  );
  const result = render(view(saved(names)));
  return {
    /** The tags whose chips rendered again. */
    rerender(tags: readonly TagView[]) {
      asked.length = 0;
      result.rerender(view(tags));
      return [...new Set(asked)];
    },
  };
}

const saved = (list: readonly string[]): TagView[] => list.map((name) => ({ name, state: 'saved' }));

describe('the tag grid on a big record', () => {
  // The most tags that are all in the DOM (above, the list is windowed: TagList.window.test.tsx).
  const names = Array.from({ length: WINDOW_ABOVE }, (_, i) => `tag_${i}`);

  it('removing one tag in the middle re-renders no other chip', () => {
    const list = setup(names);
    expect(list.rerender(saved(names.filter((name) => name !== 'tag_100')))).toEqual([]);
  });

  it('a tag that starts saving re-renders that chip alone', () => {
    const list = setup(names);
    const tags = saved(names).map((tag) => (tag.name === 'tag_5' ? { ...tag, state: 'saving' as const } : tag));
    expect(list.rerender(tags)).toEqual(['tag_5']);
  });
});
