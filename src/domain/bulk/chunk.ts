/** Update Many Tickets takes at most 100 ids a call. */
export const UPDATE_MANY_MAX_IDS = 100;

export function chunk<T>(items: readonly T[], size = UPDATE_MANY_MAX_IDS): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer (got ${size})`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
