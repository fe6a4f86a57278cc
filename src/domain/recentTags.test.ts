import { describe, expect, it } from 'vitest';
import { emptyFieldOffers, rememberRecent } from './recentTags';

describe('recent tags', () => {
  it('keeps the newest first, once each, at most the limit', () => {
    expect(rememberRecent([], ['a', 'b'])).toEqual(['b', 'a']);
    expect(rememberRecent(['b', 'a'], ['a'])).toEqual(['a', 'b']);
    expect(rememberRecent(['c', 'b', 'a'], ['d'], 3)).toEqual(['d', 'c', 'b']);
  });

  it('offers recent tags first, then popular ones, never one the record has', () => {
    expect(emptyFieldOffers(['vip', 'refund'], ['billing', 'vip', 'urgent', 'spam'], ['refund'], 3)).toEqual(['vip', 'billing', 'urgent']);
  });
});
