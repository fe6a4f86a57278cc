import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../i18n';
import { noticeText, quoteTags } from './noticeText';

const { t } = englishTranslator;

describe('tag names inside a sentence', () => {
  it('names up to five tags, quoted', () => {
    expect(quoteTags(['vip'], t)).toBe('"vip"');
    expect(quoteTags(['a', 'b', 'c', 'd', 'e'], t)).toBe('"a", "b", "c", "d", "e"');
  });

  it('names the first three of more, and counts the rest', () => {
    expect(quoteTags(['a', 'b', 'c', 'd', 'e', 'f'], t)).toBe('"a", "b", "c" and 3 more');
  });

  it('keeps the notice of a 10,000-tag paste short', () => {
    const tags = Array.from({ length: 10_000 }, (_, i) => `pasted_${i}`);
    const text = noticeText({ id: 1, kind: 'external_change', added: tags, removed: [] }, t);
    expect(text).toBe('Someone else added "pasted_0", "pasted_1", "pasted_2" and 9,997 more.');
  });
});
