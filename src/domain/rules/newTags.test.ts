import { describe, expect, it } from 'vitest';
import { decideAdd, newTagMode, type AddRules } from './newTags';
import { parseProtectedTags } from './protectedTags';

const existing = new Set(['billing', 'refund']);
const exists = (tag: string) => existing.has(tag);
const rules = (mode: AddRules['mode']): AddRules => ({
  mode,
  allowed: new Set(['approved_new']),
  protectedTags: parseProtectedTags('sla_*, vip').protectedTags,
});

describe('newTagMode', () => {
  it('maps the two checkboxes to three modes; only-existing wins over confirm', () => {
    expect(newTagMode(false, false)).toBe('anyone');
    expect(newTagMode(false, true)).toBe('confirm');
    expect(newTagMode(true, false)).toBe('existing');
    expect(newTagMode(true, true)).toBe('existing');
  });
});

describe('decideAdd', () => {
  it('anyone: adds new tags at once', () => {
    expect(decideAdd(['brand_new', 'billing'], rules('anyone'), exists, false)).toEqual({ kind: 'add' });
  });

  it('confirm: asks about the new tags first, adds once confirmed; existing and allowed tags need nothing', () => {
    expect(decideAdd(['brand_new', 'billing', 'approved_new'], rules('confirm'), exists, false)).toEqual({ kind: 'confirm', tags: ['brand_new'] });
    expect(decideAdd(['brand_new'], rules('confirm'), exists, true)).toEqual({ kind: 'add' });
    expect(decideAdd(['billing', 'approved_new'], rules('confirm'), exists, false)).toEqual({ kind: 'add' });
  });

  it('existing: refuses the whole entry when a tag is new, even confirmed; the allow list counts as existing', () => {
    expect(decideAdd(['billing', 'brand_new'], rules('existing'), exists, true)).toEqual({ kind: 'not_existing', tags: ['brand_new'] });
    expect(decideAdd(['billing', 'approved_new'], rules('existing'), exists, false)).toEqual({ kind: 'add' });
  });

  it('refuses protected tags in every mode, before anything else', () => {
    for (const mode of ['anyone', 'confirm', 'existing'] as const) {
      expect(decideAdd(['billing', 'sla_breach', 'vip'], rules(mode), () => true, true)).toEqual({ kind: 'protected', tags: ['sla_breach', 'vip'] });
    }
  });
});
