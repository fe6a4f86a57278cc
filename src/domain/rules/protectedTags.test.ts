import { describe, expect, it } from 'vitest';
import { parseProtectedTags } from './protectedTags';

describe('parseProtectedTags', () => {
  it('protects exact names and prefix_* patterns, one per line or comma-separated, any case', () => {
    const { protectedTags, problems } = parseProtectedTags('SLA_*\nvip, hold_*\n\n');
    expect(problems).toEqual([]);
    expect(protectedTags.patterns).toEqual(['sla_*', 'vip', 'hold_*']);
    for (const tag of ['sla_breach', 'sla_', 'vip', 'hold_customer']) expect(protectedTags.isProtected(tag)).toBe(true);
    for (const tag of ['vip_contact', 'sla', 'vips', 'on_hold', 'billing']) expect(protectedTags.isProtected(tag)).toBe(false);
  });

  it('refuses a star that is not at the end, a lone star and a name with a space, keeping the rest', () => {
    const { protectedTags, problems } = parseProtectedTags('s*la\n*\nvip\nhold customer');
    expect(problems).toEqual([
      { setting: 'protected_tags', code: 'bad_pattern', line: 1, entry: 's*la' },
      { setting: 'protected_tags', code: 'bad_pattern', line: 2, entry: '*' },
      { setting: 'protected_tags', code: 'not_a_tag', line: 4, entry: 'hold customer' },
    ]);
    expect(protectedTags.patterns).toEqual(['vip']);
    expect(protectedTags.isProtected('sla_breach')).toBe(false);
  });

  it('protects nothing when empty', () => {
    expect(parseProtectedTags('  \n ').protectedTags.isProtected('anything')).toBe(false);
  });
});
