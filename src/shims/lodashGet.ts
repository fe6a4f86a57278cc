/**
 * Stands in for `lodash.get` in the bundle (Garden's theming reads colour variables with it):
 * the package is 1.5 KB gzip of path parsing for one use, `get(theme, 'background.default')`.
 * Dotted paths and `[index]`/`["key"]` parts, like lodash's; missing gives `fallback`.
 */
export default function get(object: unknown, path: string | readonly (string | number)[], fallback?: unknown): unknown {
  const keys = typeof path === 'string' ? parsePath(path) : path.map(String);
  // An empty path names nothing (lodash answers the fallback, not the object).
  if (keys.length === 0) return fallback;
  let value: unknown = object;
  for (const key of keys) {
    if (value === null || value === undefined) return fallback;
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? fallback : value;
}

function parsePath(path: string): string[] {
  const keys: string[] = [];
  for (const match of path.matchAll(/[^.[\]]+|\[(?:(["'])(.*?)\1|(\d+))\]/g)) keys.push(match[2] ?? match[3] ?? match[0]);
  return keys;
}
