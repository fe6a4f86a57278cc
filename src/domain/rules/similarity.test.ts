import { describe, expect, it } from 'vitest';
import { boundedEditDistance, closeness, didYouMean, isPluralPair } from './similarity';

describe('closeness', () => {
  it('finds _/- variants, singular/plural pairs and up to two edits on tags of 5+ characters', () => {
    expect(closeness('billing-issue', 'billing_issue')).toBe('separator');
    expect(closeness('refunds', 'refund')).toBe('plural');
    expect(closeness('box', 'boxes')).toBe('plural');
    expect(closeness('policies', 'policy')).toBe('plural');
    expect(closeness('billing-issues', 'billing_issue')).toBe('plural');
    expect(closeness('biling', 'billing')).toBe('edit1');
    expect(closeness('bilinng', 'billing')).toBe('edit2');
    expect(closeness('blling', 'billing')).toBe('edit1');
  });

  it('does not call different words close', () => {
    expect(closeness('billing', 'billing')).toBeNull();
    expect(closeness('bixxxng', 'billing')).toBeNull(); // three edits
    expect(closeness('vip', 'sip')).toBeNull(); // short tags: edits don't count
    expect(closeness('refun', 'ref')).toBeNull();
    expect(closeness('abcde', 'vwxyz')).toBeNull();
  });

  it('measures edit distance exactly up to the bound', () => {
    expect(boundedEditDistance('kitten', 'sitting')).toBe(3);
    expect(boundedEditDistance('kitten', 'sitten')).toBe(1);
    expect(boundedEditDistance('flaw', 'lawn')).toBe(2);
    expect(boundedEditDistance('abc', 'abcdef')).toBe(3);
    expect(isPluralPair('bus', 'buses')).toBe(true);
    expect(isPluralPair('bus', 'bush')).toBe(false);
  });
});

describe('didYouMean', () => {
  const known = [
    { name: 'billing', count: 1204 },
    { name: 'billing_issue', count: 40 },
    { name: 'bil1ing', count: 3 },
    { name: 'refund', count: 800 },
  ];

  it('offers the closest existing tag, the most used among equally close ones', () => {
    expect(didYouMean('billing-issue', [known])).toEqual({ name: 'billing_issue', count: 40 });
    expect(didYouMean('biling', [known])).toEqual({ name: 'billing', count: 1204 });
    expect(didYouMean('refunds', [known])).toEqual({ name: 'refund', count: 800 });
    expect(didYouMean('invoice', [known])).toBeNull();
  });

  it('looks through every list given, the closest winning over the first met', () => {
    expect(didYouMean('refnd', [[{ name: 'refumd', count: 9999 }], known])).toEqual({ name: 'refund', count: 800 });
    expect(didYouMean('invoices', [known, [{ name: 'invoice' }]])).toEqual({ name: 'invoice' });
  });

  it('never offers the typed tag itself or a skipped one', () => {
    expect(didYouMean('billing', [[{ name: 'billing' }]])).toBeNull();
    expect(didYouMean('biling', [known], (name) => name === 'billing')).toEqual({ name: 'bil1ing', count: 3 });
  });
});
