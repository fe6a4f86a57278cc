import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../domain/sync/persistence';
import { cachedPerAccount } from './accountCache';

function store(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('account-wide cache', () => {
  it('asks once for many sidebars of one account until the copy expires', async () => {
    let calls = 0;
    const fetch = async () => (calls++, [{ name: 'vip', count: 3 }]);
    const shared = store();
    let clock = 0;
    const first = cachedPerAccount('popular', fetch, shared, 'acme', () => clock, 1000);
    const second = cachedPerAccount('popular', fetch, shared, 'acme', () => clock, 1000);
    await Promise.all([first(), first()]);
    expect(await second()).toEqual([{ name: 'vip', count: 3 }]);
    expect(calls).toBe(1);
    await cachedPerAccount('popular', fetch, shared, 'globex', () => clock, 1000)();
    expect(calls).toBe(2);
    clock = 1001;
    await second();
    expect(calls).toBe(3);
  });

  it('does not cache a failure', async () => {
    let fail = true;
    const fetch = async () => {
      if (fail) throw new Error('down');
      return [];
    };
    const get = cachedPerAccount('popular', fetch, store(), 'acme');
    await expect(get()).rejects.toThrow('down');
    fail = false;
    await expect(get()).resolves.toEqual([]);
  });
});
