// The manifest's parameters are what admins see in Admin Center; the code reads them by name.
// The two must not drift: same names, types and defaults as the table, and the code's
// defaults are what the manifest's defaults mean.
import { describe, expect, it } from 'vitest';
import manifestJson from '../../../manifest.json';
import { SUPPORTED_LOCALES } from '../../i18n/locales';
import { DEFAULT_RULES, parseTagRules } from './settings';

const manifest: { parameters: { name: string; type: string; default: unknown }[] } = manifestJson;

describe('manifest parameters', () => {
  it('are the seven settings of the issue\'s table, then the collapse setting, with their types and defaults', () => {
    expect(manifest.parameters.map(({ name, type, default: value }) => [name, type, value])).toEqual([
      ['existing_tags_only', 'checkbox', false],
      ['confirm_new_tags', 'checkbox', false],
      ['allowed_tags', 'multiline', ''],
      ['protected_tags', 'multiline', ''],
      ['tag_descriptions', 'multiline', ''],
      ['show_requester_tags', 'checkbox', true],
      ['show_organization_tags', 'checkbox', true],
      ['collapse_owner_groups', 'checkbox', false],
    ]);
  });

  it("mean, as their defaults, what the code does when nothing is set", () => {
    const fromManifest = parseTagRules(Object.fromEntries(manifest.parameters.map((p) => [p.name, p.default])));
    expect(fromManifest.problems).toEqual([]);
    const { protectedTags, ...rest } = fromManifest.rules;
    const { protectedTags: defaultProtected, ...defaults } = DEFAULT_RULES;
    expect(rest).toEqual(defaults);
    expect(protectedTags.patterns).toEqual(defaultProtected.patterns);
  });

  it('have a label and a help text in every locale, the help text saying the rules apply in Tagwise', async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const file = (await import(`../../../translations/${locale}.json`)) as { default: { app?: { parameters?: Record<string, { label?: string; helpText?: string }> } } };
      for (const { name } of manifest.parameters) {
        const entry = file.default.app?.parameters?.[name];
        expect(entry?.label, `${locale}: ${name}.label`).toMatch(/\S/);
        expect(entry?.helpText, `${locale}: ${name}.helpText`).toMatch(/Tagwise/);
      }
    }
  });
});
