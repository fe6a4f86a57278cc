import '../testing/timing';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SuggestionSource } from './suggestionSource';
import { deferred } from '../testing/deferred';
import { useSuggestions } from './useSuggestions';

describe('useSuggestions', () => {
  it('keeps the popular list even when the text was erased before it arrived, and asks only once', async () => {
    const popular = deferred<readonly { name: string; count: number }[]>();
    const source: SuggestionSource = {
      autocomplete: vi.fn(async () => ({ tags: ['billing', 'bills'] })),
      popularTags: vi.fn(() => popular.promise),
    };
    const { result, rerender } = renderHook(({ text }) => useSuggestions(source, text, []), { initialProps: { text: 'bi' } });
    rerender({ text: 'b' });
    await act(async () => popular.resolve([{ name: 'bills', count: 3 }]));
    rerender({ text: 'bi' });
    await waitFor(() => expect(result.current).toEqual(['bills', 'billing']));
    expect(source.popularTags).toHaveBeenCalledTimes(1);
  });

  it('suggests for the word being typed, not the whole field, and never what the record has', async () => {
    const source: SuggestionSource = {
      autocomplete: vi.fn(async (prefix: string) => ({ tags: ['refund', 'refund_eu', 'region'].filter((t) => t.startsWith(prefix)) })),
      popularTags: async () => [],
    };
    const { result } = renderHook(() => useSuggestions(source, 'billing, VIP ref', ['refund']));
    await waitFor(() => expect(result.current).toEqual(['refund_eu']));
    expect(source.autocomplete).toHaveBeenCalledWith('ref');
  });

  it('asks nothing without a source or under two characters', async () => {
    const source: SuggestionSource = { autocomplete: vi.fn(async () => ({ tags: ['x'] })), popularTags: vi.fn(async () => []) };
    const { result } = renderHook(() => useSuggestions(source, 'billing r', []));
    await new Promise((r) => setTimeout(r, 250));
    expect(result.current).toEqual([]);
    expect(source.autocomplete).not.toHaveBeenCalled();
    expect(source.popularTags).not.toHaveBeenCalled();
    const none = renderHook(() => useSuggestions(undefined, 'billing', []));
    expect(none.result.current).toEqual([]);
  });
});
