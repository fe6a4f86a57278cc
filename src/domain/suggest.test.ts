import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixCache, currentToken, rankSuggestions } from './suggest';

describe('currentToken', () => {
  it('completes the last word, normalised, after commas and spaces', () => {
    expect(currentToken('billing, Ref')).toEqual({ before: 'billing, ', token: 'ref' });
    expect(currentToken('VIP')).toEqual({ before: '', token: 'vip' });
    expect(currentToken('a b ')).toEqual({ before: 'a b ', token: '' });
    expect(currentToken('')).toEqual({ before: '', token: '' });
  });
});

describe('rankSuggestions', () => {
  it('puts popular tags first in popularity order, then the rest alphabetically', () => {
    const ranked = rankSuggestions(['printer_jam', 'priority', 'print', 'pricing', 'prime'], {
      prefix: 'pri',
      popular: ['triage', 'pricing', 'printer_jam'],
      exclude: [],
    });
    expect(ranked).toEqual(['pricing', 'printer_jam', 'prime', 'print', 'priority']);
  });

  it('drops tags the record has, names not matching the prefix and duplicates; honours the limit', () => {
    expect(rankSuggestions(['vip', 'vip', 'vip_gold', 'billing'], { prefix: 'vi', popular: [], exclude: ['vip'] })).toEqual([
      'vip_gold',
    ]);
    expect(rankSuggestions(['ab1', 'ab2', 'ab3'], { prefix: 'ab', popular: [], exclude: [], limit: 2 })).toEqual(['ab1', 'ab2']);
  });

  it('always returns matching, absent, unique names, popular ones before the others', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-c]{1,4}$/)),
        fc.array(fc.stringMatching(/^[a-c]{1,4}$/)),
        fc.array(fc.stringMatching(/^[a-c]{1,4}$/)),
        fc.stringMatching(/^[a-c]{0,2}$/),
        (candidates, popular, exclude, prefix) => {
          const ranked = rankSuggestions(candidates, { prefix, popular, exclude, limit: 50 });
          expect(new Set(ranked).size).toBe(ranked.length);
          for (const name of ranked) {
            expect(name.startsWith(prefix)).toBe(true);
            expect(exclude).not.toContain(name);
            expect(candidates).toContain(name);
          }
          const firstUnpopular = ranked.findIndex((n) => !popular.includes(n));
          if (firstUnpopular >= 0) expect(ranked.slice(firstUnpopular).some((n) => popular.includes(n))).toBe(false);
        },
      ),
    );
  });
});

describe('PrefixCache', () => {
  it('answers an extension of a complete prefix locally', () => {
    const cache = new PrefixCache(10);
    cache.store('pr', { tags: ['printer', 'priority', 'problem'] });
    expect(cache.lookup('pri')).toEqual(['printer', 'priority']);
    expect(cache.lookup('prob')).toEqual(['problem']);
    expect(cache.lookup('pr')).toEqual(['printer', 'priority', 'problem']);
  });

  it('does not trust a full page: more may exist behind it', () => {
    const cache = new PrefixCache(3);
    cache.store('pr', { tags: ['printer', 'priority', 'problem'] });
    expect(cache.lookup('pri')).toBeUndefined();
  });

  it('believes Zendesk over the page-size guess when the answer says whether more pages exist', () => {
    const cache = new PrefixCache(3);
    cache.store('pr', { tags: ['printer', 'priority', 'problem'], complete: true });
    expect(cache.lookup('pri')).toEqual(['printer', 'priority']);
    cache.store('bi', { tags: ['billing'], complete: false });
    expect(cache.lookup('bil')).toBeUndefined();
  });

  it('knows nothing about other or shorter prefixes', () => {
    const cache = new PrefixCache(10);
    cache.store('pri', { tags: ['printer'] });
    expect(cache.lookup('pr')).toBeUndefined();
    expect(cache.lookup('bi')).toBeUndefined();
  });

  it('a local answer equals what the server would say for the longer prefix', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[ab]{2,5}$/), { maxLength: 20 }), fc.stringMatching(/^[ab]{2,4}$/), (all, longer) => {
        const cache = new PrefixCache(100);
        const short = longer.slice(0, 2);
        cache.store(short, { tags: all.filter((t) => t.startsWith(short)) });
        expect(cache.lookup(longer)).toEqual(all.filter((t) => t.startsWith(longer)));
      }),
    );
  });

  it('forgets the oldest answers beyond its size', () => {
    const cache = new PrefixCache(10, 2);
    cache.store('aa', { tags: ['aa1'] });
    cache.store('bb', { tags: ['bb1'] });
    cache.store('cc', { tags: ['cc1'] });
    expect(cache.lookup('aa')).toBeUndefined();
    expect(cache.lookup('cc')).toEqual(['cc1']);
  });
});
