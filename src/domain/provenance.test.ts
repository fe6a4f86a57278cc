import { describe, expect, it } from 'vitest';
import { tagOrigins } from './provenance';

describe('tagOrigins', () => {
  it('marks inherited and field-backed tags, and nothing else', () => {
    const origins = tagOrigins(['vip', 'enterprise', 'product_printer', 'plain', 'both'], {
      requesterTags: ['vip', 'both', 'not_on_ticket'],
      organizationTags: ['enterprise', 'both'],
      fieldTags: [
        { field: 'Product', option: 'Printer', tag: 'product_printer' },
        { field: 'Legacy product', option: 'Printer', tag: 'product_printer' },
      ],
    });
    expect(origins.get('vip')).toEqual({ fromRequester: true, fromOrganization: false, fields: [] });
    expect(origins.get('enterprise')).toEqual({ fromRequester: false, fromOrganization: true, fields: [] });
    expect(origins.get('both')).toMatchObject({ fromRequester: true, fromOrganization: true });
    expect(origins.get('product_printer')?.fields).toEqual([
      { field: 'Product', option: 'Printer' },
      { field: 'Legacy product', option: 'Printer' },
    ]);
    expect(origins.has('plain')).toBe(false);
    expect(origins.has('not_on_ticket')).toBe(false);
  });

  it('works with no sources', () => {
    expect(tagOrigins(['a'], {}).size).toBe(0);
  });
});
