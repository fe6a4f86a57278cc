import { describe, expect, it, vi } from 'vitest';
import type { ZafClient } from '../zaf/client';
import { cachedPerAccount } from '../zendesk/accountCache';
import { createAccountPeers, SHARE_EVENT } from './accountPeers';

/** A session of app instances as ZAF relays them: `instances`, `instance(guid).trigger`, `on`. */
function session() {
  const handlers = new Map<string, ((data: unknown) => void)[]>();
  const live = new Set<string>();
  let sent = 0;
  function client(guid: string): ZafClient {
    live.add(guid);
    handlers.set(guid, []);
    return {
      context: async () => ({ product: 'support', location: 'ticket_sidebar', instanceGuid: guid }),
      get: async (path: string | string[]) => {
        if (path !== 'instances') throw new Error(`unexpected get ${String(path)}`);
        return { instances: Object.fromEntries([...live].map((g) => [g, { instanceGuid: g }])) };
      },
      on: (event: string, handler: (data: unknown) => void) => {
        if (event === SHARE_EVENT) handlers.get(guid)!.push(handler);
      },
      instance: (target: string) => ({
        trigger: (event: string, data: unknown) => {
          if (event !== SHARE_EVENT || !live.has(target)) return;
          sent++;
          // Through postMessage: a copy, later.
          const copy = JSON.parse(JSON.stringify(data));
          setTimeout(() => handlers.get(target)?.forEach((h) => h(copy)), 1);
        },
      }),
    } as unknown as ZafClient;
  }
  return { client, close: (guid: string) => void live.delete(guid), sent: () => sent };
}

const isList = (value: unknown): value is string[] => Array.isArray(value);
const noSleep = () => new Promise<void>(() => undefined);

describe('account lists shared between app instances', () => {
  it('a new instance takes the copy another one fetched, with storage refused', async () => {
    const s = session();
    const fetch = vi.fn(async () => ['vip', 'billing']);
    const list = (guid: string) => cachedPerAccount('popular', fetch, undefined, 'acme', Date.now, 60_000, isList, createAccountPeers(s.client(guid), { sleep: noSleep }));
    expect(await list('a')()).toEqual(['vip', 'billing']);
    expect(await list('b')()).toEqual(['vip', 'billing']);
    expect(await list('c')()).toEqual(['vip', 'billing']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the copy in the background instance after the tab that fetched it is gone', async () => {
    const s = session();
    createAccountPeers(s.client('background'), { sleep: noSleep });
    const fetch = vi.fn(async () => ['vip']);
    await cachedPerAccount('fields', fetch, undefined, 'acme', Date.now, 60_000, isList, createAccountPeers(s.client('tab1'), { sleep: noSleep }))();
    await new Promise((r) => setTimeout(r, 20));
    s.close('tab1');
    await cachedPerAccount('fields', fetch, undefined, 'acme', Date.now, 60_000, isList, createAccountPeers(s.client('tab2'), { sleep: noSleep }))();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks Zendesk when the copies others hold are too old, or no one answers in time', async () => {
    const s = session();
    let clock = 1_000_000;
    const now = () => clock;
    const fetch = vi.fn(async () => ['vip']);
    await cachedPerAccount('popular', fetch, undefined, 'acme', now, 60_000, isList, createAccountPeers(s.client('a'), { now, sleep: noSleep }))();
    clock += 60_001;
    await cachedPerAccount('popular', fetch, undefined, 'acme', now, 60_000, isList, createAccountPeers(s.client('b'), { now, sleep: noSleep }))();
    expect(fetch).toHaveBeenCalledTimes(2);

    // An instance that never answers: the wait ends and Zendesk is asked.
    const lonely = session();
    lonely.client('deaf'); // registered, never subscribed: answers nothing
    const fetched = vi.fn(async () => ['x']);
    const peers = createAccountPeers(lonely.client('asker'), { sleep: () => new Promise((r) => setTimeout(r, 5)) });
    expect(await cachedPerAccount('popular', fetched, undefined, 'acme', Date.now, 60_000, isList, peers)()).toEqual(['x']);
    expect(fetched).toHaveBeenCalledTimes(1);
  });

  it('ignores malformed messages', async () => {
    const handlers: ((data: unknown) => void)[] = [];
    const client = {
      context: async () => ({ product: 'support', location: 'ticket_sidebar', instanceGuid: 'me' }),
      get: async () => ({ instances: { me: {} } }),
      on: (_: string, h: (data: unknown) => void) => handlers.push(h),
      instance: () => ({ trigger: () => undefined }),
    } as unknown as ZafClient;
    const peers = createAccountPeers(client, { sleep: noSleep });
    for (const bad of [null, 'x', { kind: 'offer', key: 'k', from: 'y', entry: { at: 'soon', value: 1 } }, { kind: 'offer', key: 'k', from: 'y', entry: { at: 1 } }]) handlers[0]!(bad);
    expect(await peers.ask('k', Number.MAX_SAFE_INTEGER)).toBeUndefined();
    handlers[0]!({ kind: 'offer', key: 'k', from: 'y', entry: { at: Date.now(), value: ['ok'] } });
    expect((await peers.ask('k', 60_000))?.value).toEqual(['ok']);
  });
});
