/**
 * What the start-up answers held once they settled, kept beside the promises. The entry's
 * first paint awaits them before React is loaded; the panel's first render then reads them
 * at once, so the tags it shows in place of the first paint are there in that same render
 * (awaiting a promise again always takes a turn, and the tags would blink out meanwhile).
 */
const values = new WeakMap<Promise<unknown>, { value: unknown }>();

/** Resolves as `promise` does, and records its value for `settledValue`. */
export function track<T>(promise: Promise<T>): Promise<T> {
  return promise.then((value) => {
    values.set(promise, { value });
    return value;
  });
}

/** The value `promise` resolved with, if it has and someone tracked it. */
export function settledValue<T>(promise: Promise<T>): { value: T } | undefined {
  return values.get(promise) as { value: T } | undefined;
}
