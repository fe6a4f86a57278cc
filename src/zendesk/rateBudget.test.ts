import { describe, expect, it, vi } from 'vitest';
import { createRateBudget } from './rateBudget';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('the account rate budget', () => {
  it('is low under 20 % of the limit left, from either header family', () => {
    const c = clock();
    const budget = createRateBudget(c.now);
    budget.observe({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '141' });
    expect(budget.isLow()).toBe(false);
    budget.observe({ 'x-rate-limit': '700', 'x-rate-limit-remaining': '139' });
    expect(budget.isLow()).toBe(true);
    budget.observe({ 'ratelimit-limit': '700', 'ratelimit-remaining': '500', 'ratelimit-reset': '12' });
    expect(budget.isLow()).toBe(false);
    budget.observe({ 'ratelimit-limit': '700, 700;w=60', 'ratelimit-remaining': '10', 'ratelimit-reset': '12' });
    expect(budget.isLow()).toBe(true);
    expect(budget.lowForMs()).toBe(12_000);
  });

  it('ignores answers that say nothing about the account (the per-ticket limiter, other limits)', () => {
    const budget = createRateBudget(clock().now);
    budget.observe({ 'x-rate-limit': '700', 'x-rate-limit-remaining': '5' });
    budget.observe({ 'retry-after': '30', 'content-type': 'text/plain' });
    budget.observe(undefined);
    expect(budget.isLow()).toBe(true);
    budget.observe({ 'x-rate-limit-remaining': 'lots', 'x-rate-limit': '700' });
    expect(budget.reading()?.remaining).toBe(5);
  });

  it('recovers when the window resets, and says so once', () => {
    vi.useFakeTimers();
    try {
      const budget = createRateBudget(() => Date.now());
      budget.observe({ 'ratelimit-limit': '700', 'ratelimit-remaining': '0', 'ratelimit-reset': '30' });
      const first = vi.fn();
      const second = vi.fn();
      budget.onRecovered(first);
      budget.onRecovered(second);
      vi.advanceTimersByTime(29_000);
      expect(first).not.toHaveBeenCalled();
      expect(budget.isLow()).toBe(true);
      vi.advanceTimersByTime(1_000);
      expect(budget.isLow()).toBe(false);
      vi.advanceTimersByTime(60_000);
      expect(first).toHaveBeenCalledTimes(1);
      expect(second).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('recovers at once when a newer answer shows the budget refilled', () => {
    const budget = createRateBudget(clock().now);
    budget.observe({ 'x-rate-limit': '700', 'x-rate-limit-remaining': '3' });
    const recovered = vi.fn();
    budget.onRecovered(recovered);
    budget.observe({ 'x-rate-limit': '700', 'x-rate-limit-remaining': '650' });
    expect(recovered).toHaveBeenCalledTimes(1);
  });
});
