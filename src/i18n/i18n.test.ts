import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentLocale } from './agentLocale';
import { englishMessages, loadMessages, loadTranslator } from './load';
import { SUPPORTED_LOCALES, resolveLocale } from './locales';
import { createTranslator, type MessageKey, type Messages } from './translate';
import type { ZafClient } from '../zaf/client';

const translationsDir = join(__dirname, '../../translations');

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

describe('locale resolution', () => {
  it.each([
    ['pt-BR', 'pt-br'],
    ['pt_BR', 'pt-br'],
    ['pt-PT', 'pt-br'],
    ['de-CH', 'de'],
    ['de', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ja', 'ja'],
    ['en-GB', 'en'],
    ['xx', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [42, 'en'],
  ])('%s → %s', (raw, expected) => {
    expect(resolveLocale(raw)).toBe(expected);
  });

  it('asks Zendesk for the agent locale and maps it', async () => {
    const client = { get: async () => ({ 'currentUser.locale': 'pt-BR' }) } as unknown as ZafClient;
    expect(await agentLocale(client)).toBe('pt-br');
  });

  it('falls back to English when Zendesk fails or never answers', async () => {
    const failing = { get: async () => Promise.reject(new Error('nope')) } as unknown as ZafClient;
    const silent = { get: () => new Promise(() => undefined) } as unknown as ZafClient;
    expect(await agentLocale(failing)).toBe('en');
    expect(await agentLocale(silent, 10)).toBe('en');
  });
});

describe('translator', () => {
  const german: Messages = { tagwise: { panel: { empty: 'Noch keine Tags' } } };
  const de = createTranslator('de', german, englishMessages);

  it('uses the locale when it has the key', () => {
    expect(de.t('tagwise.panel.empty')).toBe('Noch keine Tags');
  });

  it('falls back to English for a key the locale lacks, then to the key itself', () => {
    expect(de.t('tagwise.add.label')).toBe('Add tags');
    expect(de.t('tagwise.does.not.exist' as MessageKey)).toBe('tagwise.does.not.exist');
    expect(de.t('tagwise.panel' as MessageKey)).toBe('tagwise.panel');
  });

  it('never throws, even on malformed messages', () => {
    const broken = createTranslator('fr', { tagwise: 'oops' } as unknown as Messages, {} as Messages);
    expect(() => broken.t('tagwise.panel.empty')).not.toThrow();
    expect(broken.t('tagwise.panel.empty')).toBe('tagwise.panel.empty');
  });

  it('interpolates {{name}} and leaves unknown placeholders visible', () => {
    const en = createTranslator('en', englishMessages, englishMessages);
    expect(en.t('tagwise.tag.remove', { name: 'vip' })).toBe('Remove tag vip');
    expect(en.t('tagwise.tag.remove')).toBe('Remove tag {{name}}');
  });

  it('picks plural forms with the locale plural rules', () => {
    const en = createTranslator('en', englishMessages, englishMessages);
    expect(en.t('tagwise.panel.count', { count: 1 })).toBe('1 tag');
    expect(en.t('tagwise.panel.count', { count: 3 })).toBe('3 tags');
    expect(en.t('tagwise.panel.count', { count: 0 })).toBe('0 tags');
    const fr = createTranslator('fr', { tagwise: { panel: { count: { one: '{{count}} tag', other: '{{count}} tags' } } } }, englishMessages);
    // French treats 0 as singular.
    expect(fr.t('tagwise.panel.count', { count: 0 })).toBe('0 tag');
    // Numbers are written the locale's way.
    const de = createTranslator('de', { tagwise: { panel: { count: { one: '{{count}} Tag', other: '{{count}} Tags' } } } }, englishMessages);
    expect(de.t('tagwise.panel.count', { count: 1200 })).toBe('1.200 Tags');
    expect(en.t('tagwise.panel.count', { count: 1200 })).toBe('1,200 tags');
  });

  it('loads a locale lazily and falls back per key', async () => {
    const ja = await loadTranslator('ja');
    expect(ja.locale).toBe('ja');
    expect(ja.t('tagwise.panel.count', { count: 1 })).toBe('タグ 1 件');
    const ptbr = await loadTranslator(resolveLocale('pt-BR'));
    expect(ptbr.t('tagwise.panel.empty')).toBe('Nenhuma tag ainda');
    const de = await loadTranslator(resolveLocale('de-CH'));
    expect(de.t('tagwise.add.label')).toBe('Tags hinzufügen');
    const unknown = await loadTranslator(resolveLocale('xx'));
    expect(unknown.t('tagwise.add.label')).toBe('Add tags');
  });
});

describe('translation files', () => {
  const english = leaves(englishMessages);
  const englishTagwise = [...english.keys()].filter((k) => k.startsWith('tagwise.'));

  it('ship one file per supported locale', () => {
    const files = readdirSync(translationsDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    for (const locale of SUPPORTED_LOCALES) expect(files).toContain(locale);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s translates every Tagwise key with the same placeholders', async (locale) => {
    const raw = JSON.parse(readFileSync(join(translationsDir, `${locale}.json`), 'utf8')) as Messages;
    const theirs = leaves(raw);
    for (const key of englishTagwise) {
      const forms = theirs.get(key);
      expect(forms, `${locale} lacks ${key}`).toBeDefined();
      const expected = placeholders(english.get(key)![0]!);
      for (const form of forms!) expect(placeholders(form), `${locale} ${key}`).toEqual(expected);
    }
    // What the lazy loader gives is that same file.
    expect(leaves(await loadMessages(locale)).get('tagwise.add.label')).toEqual(theirs.get('tagwise.add.label'));
  });
});
