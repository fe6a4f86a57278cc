import { describe, expect, it } from 'vitest';
import { parseTagRules } from './settings';

describe('parseTagRules', () => {
  it('gives the manifest defaults when nothing is set', () => {
    const { rules, problems } = parseTagRules({});
    expect(problems).toEqual([]);
    expect(rules.mode).toBe('anyone');
    expect(rules.showRequesterTags).toBe(true);
    expect(rules.showOrganizationTags).toBe(true);
    expect(rules.allowed.size).toBe(0);
    expect(rules.protectedTags.patterns).toEqual([]);
    expect(rules.descriptions.size).toBe(0);
  });

  it('reads every setting by its manifest name, checkboxes as booleans or "true"/"false"', () => {
    const { rules, problems } = parseTagRules({
      existing_tags_only: 'false',
      confirm_new_tags: true,
      allowed_tags: 'new_one\nother, third',
      protected_tags: 'sla_*',
      tag_descriptions: 'vip: contract customers',
      show_requester_tags: false,
      show_organization_tags: 'false',
      title: 'Tagwise',
    });
    expect(problems).toEqual([]);
    expect(rules.mode).toBe('confirm');
    expect([...rules.allowed]).toEqual(['new_one', 'other', 'third']);
    expect(rules.protectedTags.isProtected('sla_breach')).toBe(true);
    expect(rules.descriptions.get('vip')).toBe('contract customers');
    expect(rules.showRequesterTags).toBe(false);
    expect(rules.showOrganizationTags).toBe(false);
  });

  it('reports values of the wrong type and falls back to the default for them', () => {
    const { rules, problems } = parseTagRules({ existing_tags_only: 'yes', show_requester_tags: 0, protected_tags: ['vip'], allowed_tags: 'ok, !!!' });
    expect(problems).toEqual([
      { setting: 'existing_tags_only', code: 'not_checkbox' },
      { setting: 'protected_tags', code: 'not_text' },
      { setting: 'show_requester_tags', code: 'not_checkbox' },
      { setting: 'allowed_tags', code: 'not_a_tag', line: 1, entry: '!!!' },
    ]);
    expect(rules.mode).toBe('anyone');
    expect(rules.showRequesterTags).toBe(true);
    expect([...rules.allowed]).toEqual(['ok']);
  });
});
