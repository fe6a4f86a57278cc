import { describe, expect, it } from 'vitest';
import { createTranslator, type Messages } from './translate';
import { SUPPORTED_LOCALES } from './locales';

const messages: Messages = { n: '{{count}}', items: { one: 'one {{count}}', few: 'few {{count}}', many: 'many {{count}}', other: 'other {{count}}' } };

describe('translations without Intl on the first paint', () => {
  it('formats numbers as Intl.NumberFormat would in every shipped locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const { t } = createTranslator(locale, messages, messages);
      const format = new Intl.NumberFormat(locale);
      for (const n of [0, 1, 7, 42, 999, -5, 1000, 12345, 2.5]) expect(t('n' as never, { count: n })).toBe(format.format(n));
    }
  });

  it('picks the plural form Intl.PluralRules picks', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const { t } = createTranslator(locale, messages, messages);
      const rules = new Intl.PluralRules(locale);
      const format = new Intl.NumberFormat(locale);
      for (const n of [0, 1, 2, 3, 5, 11, 21, 101, 1000000, 1.5]) expect(t('items' as never, { count: n })).toBe(`${rules.select(n)} ${format.format(n)}`);
    }
  });
});
