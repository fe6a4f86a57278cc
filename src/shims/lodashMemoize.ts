/**
 * Stands in for `lodash.memoize` in the bundle (Garden's theming caches colours with it): the
 * package carries lodash's own Map polyfill, 1.2 KB gzip. Same contract: the cache key is the
 * resolver's answer, or the first argument, and the cache is the function's `cache` Map.
 */
type Memoized<F extends (...args: never[]) => unknown> = F & { cache: Map<unknown, ReturnType<F>> };

export default function memoize<F extends (...args: never[]) => unknown>(func: F, resolver?: (...args: Parameters<F>) => unknown): Memoized<F> {
  const memoized = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const key = resolver ? resolver.apply(this, args) : args[0];
    const cache = memoized.cache;
    if (cache.has(key)) return cache.get(key)!;
    const result = func.apply(this, args) as ReturnType<F>;
    cache.set(key, result);
    return result;
  } as Memoized<F>;
  memoized.cache = new Map();
  return memoized;
}
