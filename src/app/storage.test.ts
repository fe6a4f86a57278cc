import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_COOKIE_BYTES, cookieStore } from './storage';

/** A cookie jar as a browser keeps one for the frame: name=value pairs, Max-Age=0 deletes, oversized cookies dropped. */
function jar({ refuse = false } = {}) {
  const cookies = new Map<string, string>();
  let writes = 0;
  const doc = {
    get cookie() {
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(text: string) {
      writes++;
      if (refuse || text.length > 4096) return;
      const [pair = '', ...attributes] = text.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1));
    },
  };
  return { doc, writes: () => writes };
}

afterEach(() => vi.restoreAllMocks());

describe('the cookie store (where intents wait when the frame may not use localStorage)', () => {
  it('keeps a value, reads it back, and forgets it on removal', () => {
    const { doc } = jar();
    const store = cookieStore(doc)!;
    store.setItem('intents:ticket:7', '{"tags":["vip","caf\u00e9"]}');
    expect(store.getItem('intents:ticket:7')).toBe('{"tags":["vip","caf\u00e9"]}');
    expect(store.keys?.()).toEqual(['intents:ticket:7']);
    store.removeItem('intents:ticket:7');
    expect(store.getItem('intents:ticket:7')).toBeNull();
  });

  it('refuses a value too big for one cookie, keeping what it held', () => {
    const { doc } = jar();
    const store = cookieStore(doc)!;
    store.setItem('k', 'before');
    // 1,500 characters, but 9,000 once encoded.
    expect(() => store.setItem('k', '\u00e9'.repeat(1500))).toThrow(RangeError);
    expect(store.getItem('k')).toBe('before');
  });

  it('refuses a value over the limit as it stands without encoding it or writing a cookie', () => {
    const { doc, writes } = jar();
    const store = cookieStore(doc)!;
    const before = writes();
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const pasted = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => `pasted_${i}`));
    expect(pasted.length).toBeGreaterThan(MAX_COOKIE_BYTES);
    expect(() => store.setItem('k', pasted)).toThrow(RangeError);
    expect(encode).not.toHaveBeenCalled();
    expect(writes()).toBe(before);
  });

  it('says so when the browser drops the cookie, and is no store at all when it drops every one', () => {
    expect(cookieStore(jar({ refuse: true }).doc)).toBeUndefined();
  });
});
