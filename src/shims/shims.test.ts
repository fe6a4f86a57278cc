import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import get from './lodashGet';
import memoize from './lodashMemoize';

// The real packages, by file (the bare names are aliased to the shims): the shims must answer as they do.
const require = createRequire(import.meta.url);
const lodashGet = require('../../node_modules/lodash.get/index.js') as (o: unknown, p: unknown, d?: unknown) => unknown;
const lodashMemoize = require('../../node_modules/lodash.memoize/index.js') as typeof memoize;

describe('the lodash.get stand-in', () => {
  const theme = { colors: { primaryHue: 'blue', list: ['a', { deep: 'b' }] }, 'odd.key': 1, palette: { blue: { 600: '#1f73b7' } }, nothing: null };
  it.each([
    'colors.primaryHue',
    'colors.list[0]',
    'colors.list[1].deep',
    'colors["primaryHue"]',
    "palette.blue['600']",
    'palette.blue.600',
    'colors.missing',
    'colors.primaryHue.length',
    'nothing.below',
    'missing.deeper.still',
    '',
  ])('%s answers as lodash.get does', (path) => {
    expect(get(theme, path)).toEqual(lodashGet(theme, path));
    expect(get(theme, path, 'fallback')).toEqual(lodashGet(theme, path, 'fallback'));
  });
  it('takes a path as an array, and a missing object', () => {
    expect(get(theme, ['colors', 'list', 1, 'deep'])).toBe(lodashGet(theme, ['colors', 'list', 1, 'deep']));
    expect(get(undefined, 'a.b', 3)).toBe(lodashGet(undefined, 'a.b', 3));
  });
});

describe('the lodash.memoize stand-in', () => {
  for (const [name, make] of [['stand-in', memoize], ['lodash', lodashMemoize]] as const) {
    it(`${name}: caches on the first argument, or on the resolver's key, in fn.cache`, () => {
      let calls = 0;
      const square = make((n: number, _ignored?: number) => (calls++, n * n));
      expect([square(3), square(3, 9), square(4)]).toEqual([9, 9, 16]);
      expect(calls).toBe(2);
      expect(square.cache.get(3)).toBe(9);
      const byBoth = make(
        (a: number, b: number) => (calls++, a + b),
        (a: number, b: number) => `${a},${b}`,
      );
      expect([byBoth(1, 2), byBoth(1, 3), byBoth(1, 2)]).toEqual([3, 4, 3]);
      expect(calls).toBe(4);
    });
  }
});
