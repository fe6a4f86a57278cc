import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishTranslator } from '../load';
import { SUPPORTED_LOCALES } from '../locales';
import { createTranslator, type Messages } from '../translate';
import { withManagerMessages } from './load';

const dir = __dirname;
const read = (locale: string) => JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Messages;

function leaves(messages: Messages, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.set(path, [value]);
    else if (typeof (value as { other?: unknown }).other === 'string') out.set(path, Object.values(value) as string[]);
    else for (const [k, v] of leaves(value as Messages, `${path}.`)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the Tag manager messages', () => {
  const english = leaves(read('en'));

  it('ship one file per supported locale, all under tagwise.manager', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    for (const locale of SUPPORTED_LOCALES) expect(files).toContain(locale);
    expect([...english.keys()].every((k) => k.startsWith('tagwise.manager.'))).toBe(true);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s translates every key with the same placeholders', (locale) => {
    const theirs = leaves(read(locale));
    for (const [key, forms] of english) {
      const found = theirs.get(key);
      expect(found, `${locale} lacks ${key}`).toBeDefined();
      const expected = placeholders(forms[0] ?? '');
      for (const form of found ?? []) expect(placeholders(form), `${locale} ${key}`).toEqual(expected);
    }
  });

  it('are added to the page’s translator; other keys still come from the sidebar’s', async () => {
    const en = await withManagerMessages(englishTranslator);
    expect(en.t('tagwise.manager.action.rename', { tag: 'vip' })).toBe('Rename vip');
    expect(en.t('tagwise.tag.remove', { name: 'vip' })).toBe('Remove tag vip');
    const de = await withManagerMessages(createTranslator('de', { tagwise: { tag: { remove: 'Tag {{name}} entfernen' } } }, {}));
    expect(de.t('tagwise.manager.action.rename', { tag: 'vip' })).toBe('vip umbenennen');
    expect(de.t('tagwise.tag.remove', { name: 'vip' })).toBe('Tag vip entfernen');
  });
});
