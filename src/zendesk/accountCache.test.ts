import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../domain/sync/persistence';
import { cachedPerAccount } from './accountCache';
import { isPopularTagList, isTicketFieldTagList } from './api';

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

describe('a stored copy in an old format or corrupt', () => {
  it.each([
    ['an object instead of a list', JSON.stringify({ at: 0, value: { tags: ['vip'] } })],
    ['names that are not strings', JSON.stringify({ at: 0, value: [{ name: 7, count: 1 }] })],
    ['the first format: bare names', JSON.stringify({ at: 0, value: ['vip', 'billing'] })],
    ['not JSON at all', '{"at":0,"value":[{"name"'],
    ['null', 'null'],
  ])('is asked again rather than used: %s', async (_label, raw) => {
    const shared = store();
    shared.setItem('tagwise:v1:acme:popular', raw);
    let calls = 0;
    const get = cachedPerAccount('popular', async () => (calls++, [{ name: 'vip', count: 3 }]), shared, 'acme', () => 10, 1000, isPopularTagList);
    await expect(get()).resolves.toEqual([{ name: 'vip', count: 3 }]);
    expect(calls).toBe(1);
  });

  it('ticket field tags: a copy without option names is not used', async () => {
    const shared = store();
    shared.setItem('tagwise:v1:acme:fields', JSON.stringify({ at: 0, value: [{ field: 'Product', tag: 'printer' }] }));
    const fresh = [{ field: 'Product', option: 'Printer', tag: 'printer' }];
    const get = cachedPerAccount('fields', async () => fresh, shared, 'acme', () => 10, 1000, isTicketFieldTagList);
    await expect(get()).resolves.toEqual(fresh);
  });
});
