import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordRef } from '../record';
import { createSyncEngine, type SyncEngineOptions } from './engine';
import type { KeyValueStore } from './persistence';
import { MemoryBackend } from './testing/memoryBackend';

const ticket: RecordRef = { kind: 'ticket', id: 1 };
const user: RecordRef = { kind: 'user', id: 5 };

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k), keys: () => [...data.keys()] };
}

function setup(options: Partial<SyncEngineOptions> = {}) {
  const backend = new MemoryBackend();
  backend.seed(ticket, ['urgent', 'printer']);
  backend.seed(user, ['vip']);
  const engine = createSyncEngine({ backend, random: () => 0.5, account: 'acme', onUnexpected: (e) => { throw e; }, ...options });
  const openTicket = () => engine.open(ticket, { tags: backend.tagsOf(ticket), stamp: backend.stampOf(ticket) });
  return { backend, engine, openTicket };
}

const names = (handle: { getView(): { tags: readonly { name: string }[] } }) => handle.getView().tags.map((t) => t.name);
const settle = () => vi.runAllTimersAsync();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('optimistic view', () => {
  it('shows an added tag at once as saving, then as saved with what the server holds', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.add(['billing']);
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'billing', state: 'saving', pending: 'add' });
    await settle();
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'billing', state: 'saved' });
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'printer', 'billing']);
  });

  it('hides a removed tag at once', () => {
    const { openTicket } = setup();
    const handle = openTicket();
    handle.remove(['urgent']);
    expect(names(handle)).toEqual(['printer']);
  });
});

describe('coalescing', () => {
  it('sends a burst as one add and one remove, with a stamp read only between them', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    for (const tag of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) handle.add([tag]);
    handle.remove(['urgent']);
    handle.remove(['printer']);
    await settle();
    expect(backend.writes().map((c) => [c.method, c.tags])).toEqual([
      ['add', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
      ['remove', ['urgent', 'printer']],
    ]);
    expect(backend.calls).toHaveLength(3);
    expect(backend.tagsOf(ticket)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(names(handle)).toEqual(backend.tagsOf(ticket));
  });

  it('gathers intents made while a write is in flight into the next write', async () => {
    const { backend } = setup();
    const handle = createSyncEngine({ backend, random: () => 0.5 }).open(user);
    await settle();
    backend.beforeAnswer = (call) => {
      if (call.method === 'add' && call.tags?.includes('one')) {
        handle.add(['two']);
        handle.add(['three']);
      }
    };
    handle.add(['one']);
    await settle();
    expect(backend.writes().map((c) => c.tags)).toEqual([['one'], ['two', 'three']]);
  });

  it('cancels an add and a remove of the same tag before anything is sent', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.add(['temp']);
    handle.remove(['temp']);
    handle.remove(['urgent']);
    handle.add(['urgent']);
    await settle();
    expect(backend.calls).toEqual([]);
    expect(names(handle)).toEqual(['urgent', 'printer']);
  });

  it('re-adds a tag whose removal was already in flight', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.beforeAnswer = (call) => {
      if (call.method === 'remove') handle.add(['urgent']);
    };
    handle.remove(['urgent']);
    await settle();
    expect(backend.tagsOf(ticket)).toContain('urgent');
    expect(names(handle)).toContain('urgent');
  });
});

describe('conflicts', () => {
  it('on 409 reads again, keeps the other change and replays the intent', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    let once = true;
    backend.beforeAnswer = (call) => {
      if (call.method === 'add' && once) {
        once = false;
        backend.external(ticket, { add: ['from-trigger'], remove: ['printer'] });
      }
    };
    handle.add(['mine']);
    await settle();
    expect(backend.writes().map((c) => c.stamp)).toEqual(['v1', 'v2']);
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'from-trigger', 'mine']);
    expect(names(handle)).toEqual(backend.tagsOf(ticket));
    expect(handle.getView().notices).toContainEqual(
      expect.objectContaining({ kind: 'external_change', added: ['from-trigger'], removed: ['printer'] }),
    );
  });

  it('marks what someone else added, briefly', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.external(ticket, { add: ['theirs'] });
    await handle.refresh();
    expect(handle.getView().tags.find((t) => t.name === 'theirs')?.changedByOthers).toBe(true);
    await settle();
    expect(handle.getView().tags.find((t) => t.name === 'theirs')?.changedByOthers).toBeUndefined();
  });

  it('gives up after bounded conflicts and marks the change not saved', async () => {
    const { backend, openTicket } = setup({ policy: { maxConflictRetries: 2 } });
    const handle = openTicket();
    backend.failNext({ kind: 'conflict', on: 'add' }, 5);
    handle.add(['x']);
    await settle();
    expect(backend.writes()).toHaveLength(3);
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'x', state: 'failed', pending: 'add' });
  });
});

describe('rate limits and failures', () => {
  it('waits Retry-After on 429, showing the tag as waiting, then saves', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.failNext({ kind: 'rate_limited', retryAfterSeconds: 30, on: 'add' });
    handle.add(['later']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(handle.getView().tags.at(-1)?.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(backend.writes()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(backend.writes()).toHaveLength(2);
    await settle();
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'later', state: 'saved' });
  });

  it('reads while a write waits out a long Retry-After: a colleague\'s change shows, the write still waits', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    await settle();
    backend.failNext({ kind: 'rate_limited', retryAfterSeconds: 100, on: 'add' });
    handle.add(['later']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(handle.getView().tags.at(-1)).toMatchObject({ name: 'later', state: 'waiting' });
    backend.external(ticket, { add: ['colleague'] });
    await handle.refresh();
    expect(backend.calls.map((c) => c.method)).toEqual(['add', 'read']);
    expect(names(handle)).toEqual(['urgent', 'printer', 'colleague', 'later']);
    expect(handle.getView().tags.at(-1)?.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(97_000);
    expect(backend.writes()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'printer', 'colleague', 'later']);
    expect(handle.getView().tags.at(-1)).toMatchObject({ name: 'later', state: 'saved' });
  });

  it('joins ten refreshes asked while other work runs into one read', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    await settle();
    let answerAdd: (() => void) | undefined;
    const slowAdd = backend.add.bind(backend);
    backend.add = (ref, tags, stamp) => new Promise((resolve, reject) => {
      answerAdd = () => void slowAdd(ref, tags, stamp).then(resolve, reject);
    });
    handle.add(['slow']);
    await vi.advanceTimersByTimeAsync(10);
    expect(answerAdd).toBeDefined();
    const refreshes = Array.from({ length: 10 }, () => handle.refresh());
    answerAdd?.();
    await Promise.all(refreshes);
    await settle();
    expect(backend.calls.filter((c) => c.method === 'read')).toHaveLength(1);
  });

  it('retries 5xx a bounded number of times, then shows "not saved" and retries on demand', async () => {
    const { backend } = setup({ policy: { backoffMs: [10, 20] } });
    const handle = createSyncEngine({ backend, random: () => 0.5, policy: { backoffMs: [10, 20] } }).open(user);
    await settle();
    backend.failNext({ kind: 'server', on: 'add' }, 3);
    handle.add(['flaky']);
    await settle();
    expect(backend.writes()).toHaveLength(3);
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'flaky', state: 'failed', pending: 'add' });
    expect(backend.tagsOf(user)).toEqual(['vip']);
    handle.retry();
    await settle();
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'flaky', state: 'saved' });
    expect(backend.tagsOf(user)).toEqual(['vip', 'flaky']);
  });

  it('drops a "Not saved" change once the server holds it, so Retry cannot undo a colleague later', async () => {
    const { backend } = setup({ policy: { backoffMs: [] } });
    const handle = createSyncEngine({ backend, random: () => 0.5, policy: { backoffMs: [] } }).open(user);
    await settle();
    backend.failNext({ kind: 'server', on: 'add' });
    backend.failNext({ kind: 'server', on: 'read' });
    handle.add(['landed']);
    await settle();
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'landed', state: 'failed', pending: 'add' });
    // A colleague adds it, the screen reads it, then the colleague removes it again.
    backend.external(user, { add: ['landed'] });
    await handle.refresh();
    await settle();
    backend.external(user, { remove: ['landed'] });
    await handle.refresh();
    handle.retry();
    await settle();
    expect(backend.writes().map((c) => c.tags)).toEqual([['landed']]);
    expect(backend.tagsOf(user)).toEqual(['vip']);
  });

  it('keeps a tag whose removal failed visible as not saved (never silently dropped)', async () => {
    const { backend, openTicket } = setup({ policy: { backoffMs: [] } });
    const handle = openTicket();
    backend.failNext({ kind: 'server', on: 'remove' });
    handle.remove(['printer']);
    await settle();
    expect(handle.getView().tags).toContainEqual({ name: 'printer', state: 'failed', pending: 'remove' });
    expect(backend.tagsOf(ticket)).toContain('printer');
  });

  it('reads before retrying a ticket write after a timeout, since it may have landed', async () => {
    const { backend, openTicket } = setup({ policy: { backoffMs: [10] } });
    const handle = openTicket();
    backend.failNext({ kind: 'timeout', on: 'add' });
    handle.add(['t']);
    await settle();
    expect(backend.calls.map((c) => c.method)).toEqual(['add', 'read', 'add']);
  });

  it.each([
    ['closed', 'closed' as const, undefined],
    ['forbidden (tagging off)', 'forbidden' as const, 'tagging_disabled' as const],
    ['not found', 'not_found' as const, undefined],
    ['invalid', 'invalid' as const, undefined],
  ])('rolls back on %s and says why', async (_label, kind, forbiddenReason) => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.failNext({ kind, ...(forbiddenReason ? { forbiddenReason } : {}), on: 'add' });
    handle.add(['nope']);
    await settle();
    expect(names(handle)).toEqual(['urgent', 'printer']);
    expect(backend.writes()).toHaveLength(1);
    expect(handle.getView().notices).toContainEqual(
      expect.objectContaining({ kind: 'change', status: 'refused', change: expect.objectContaining({ op: 'add', tags: ['nope'] }), error: kind }),
    );
    if (kind === 'closed') expect(handle.getView().readOnly).toBe('closed');
    if (kind === 'forbidden') expect(handle.getView().readOnly).toBe('tagging_disabled');
  });

  it('opens a closed ticket read-only and refuses intents', async () => {
    const { backend, engine } = setup();
    backend.seed({ kind: 'ticket', id: 9 }, ['done'], { closed: true });
    const handle = engine.open({ kind: 'ticket', id: 9 });
    await settle();
    expect(handle.getView().readOnly).toBe('closed');
    handle.add(['x']);
    await settle();
    expect(backend.writes()).toEqual([]);
  });
});

describe('persistence', () => {
  it('resumes pending intents after a reload and clears them once confirmed', async () => {
    const store = memoryStore();
    const first = setup({ store, instanceId: 'tab-a' });
    const handle = first.openTicket();
    handle.add(['survivor']);
    handle.remove(['urgent']);
    expect([...store.data.keys()]).toEqual(['tagwise:v2:acme:ticket:1:tab-a']);
    first.engine.pagehide();
    handle.close(); // the page is gone before anything was sent
    await settle();
    expect(first.backend.calls).toEqual([]);

    const reloaded = createSyncEngine({ backend: first.backend, store, account: 'acme', random: () => 0.5, instanceId: 'tab-b' });
    const again = reloaded.open(ticket);
    expect(names(again)).toEqual([]); // loading: nothing confirmed yet
    await settle();
    expect(first.backend.tagsOf(ticket)).toEqual(['printer', 'survivor']);
    expect(names(again)).toEqual(['printer', 'survivor']);
    expect(store.data.size).toBe(0);
  });

  it('keeps each instance its own stored intents: a second tab neither replays nor erases them', async () => {
    const store = memoryStore();
    const { backend } = setup();
    backend.failNext({ kind: 'server', on: 'add' });
    const a = createSyncEngine({ backend, store, account: 'acme', random: () => 0.5, instanceId: 'a', policy: { backoffMs: [] } }).open(user);
    await settle();
    a.add(['from_a']);
    await settle();
    expect(a.getView().tags.at(-1)).toEqual({ name: 'from_a', state: 'failed', pending: 'add' });

    const b = createSyncEngine({ backend, store, account: 'acme', random: () => 0.5, instanceId: 'b', liveInstances: async () => new Set(['a', 'b']) }).open(user);
    await settle();
    b.add(['from_b']);
    await settle();
    // B saved its own change and sent nothing of A's; A's "not saved" change is still stored.
    expect(backend.writes().map((c) => c.tags)).toEqual([['from_a'], ['from_b']]);
    expect(JSON.parse(store.getItem('tagwise:v2:acme:user:5:a')!).intents).toEqual([expect.objectContaining({ tag: 'from_a', op: 'add' })]);
    expect(store.getItem('tagwise:v2:acme:user:5:b')).toBeNull();
  });

  it('adopts the entry of an instance that died without pagehide once it is old, and drops what the server already has', async () => {
    const store = memoryStore();
    const { backend } = setup();
    let now = 1_000_000;
    store.setItem('tagwise:v2:acme:user:5:gone', JSON.stringify({ v: 2, at: now, intents: [{ tag: 'vip', op: 'add', changeId: 1, at: now }, { tag: 'late', op: 'add', changeId: 1, at: now }] }));
    const early = createSyncEngine({ backend, store, account: 'acme', now: () => now, instanceId: 'x', liveInstances: async () => new Set(['x']) }).open(user);
    await settle();
    expect(backend.writes()).toEqual([]); // its owner may still be alive in another browser tab
    early.close();
    now += 61_000;
    const later = createSyncEngine({ backend, store, account: 'acme', now: () => now, instanceId: 'y', liveInstances: async () => new Set(['y']) }).open(user);
    await settle();
    expect(backend.writes().map((c) => c.tags)).toEqual([['late']]);
    expect(names(later)).toEqual(['vip', 'late']);
    expect(store.data.size).toBe(0);
  });

  it('replays a stored intent as the agent’s pending change, and refuses stored text that is not one valid tag', async () => {
    const store = memoryStore();
    const { backend } = setup();
    const long = 'x'.repeat(81);
    store.setItem('tagwise:v1:acme:user:5', JSON.stringify({ v: 1, intents: [{ tag: 'kept', op: 'add', changeId: 3 }, { tag: 'two words', op: 'add', changeId: 3 }, { tag: long, op: 'add', changeId: 3 }] }));
    const handle = createSyncEngine({ backend, store, account: 'acme', instanceId: 'n' }).open(user, { tags: ['vip'], provisional: true });
    await settle();
    expect(handle.getView().notices).toContainEqual(expect.objectContaining({ kind: 'change', change: expect.objectContaining({ op: 'add', tags: ['kept'] }) }));
    expect(handle.getView().notices).toContainEqual(
      expect.objectContaining({ kind: 'change', status: 'refused', error: 'invalid', change: expect.objectContaining({ tags: ['two words', long] }) }),
    );
    expect(backend.writes().map((c) => c.tags)).toEqual([['kept']]);
  });

  it('keeps accounts apart', async () => {
    const store = memoryStore();
    const { backend } = setup();
    backend.failNext({ kind: 'network' }, 10);
    createSyncEngine({ backend, store, account: 'acme', random: () => 0.5 }).open(user).add(['x']);
    const other = createSyncEngine({ backend: new MemoryBackend(), store, account: 'globex' }).open({ kind: 'user', id: 5 });
    expect(other.getView().tags).toEqual([]);
  });
});

describe('undo and outside changes', () => {
  it('undoes an add as another intent', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.add(['oops', 'fine']);
    const notice = handle.getView().notices.find((n) => n.kind === 'change');
    await settle();
    if (notice?.kind !== 'change') throw new Error('no change notice');
    handle.undo(notice.change.id);
    await settle();
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'printer']);
    // The Undo is a change of its own, confirmed, and offers no Undo of itself.
    expect(handle.getView().notices).toEqual([
      expect.objectContaining({ kind: 'change', status: 'done', change: expect.objectContaining({ op: 'remove', tags: ['oops', 'fine'], undoes: true }) }),
    ]);
  });

  it('undoes a removal', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.remove(['printer']);
    await settle();
    const notice = handle.getView().notices.find((n) => n.kind === 'change');
    if (notice?.kind !== 'change') throw new Error('no change notice');
    handle.undo(notice.change.id);
    await settle();
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'printer']);
  });

  it('reads once when the host reports different tags, and not at all when they match', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.observe(['printer', 'urgent']);
    await settle();
    expect(backend.calls).toEqual([]);
    backend.external(ticket, { add: ['new'] });
    handle.observe(backend.tagsOf(ticket));
    await settle();
    expect(backend.calls.map((c) => c.method)).toEqual(['read']);
    expect(names(handle)).toEqual(['urgent', 'printer', 'new']);
  });
});

describe('what the agent screen reports', () => {
  it('still sends an add for a tag the screen showed but the server may not have', async () => {
    const { backend, engine } = setup();
    // The ticket form shows "draft" unsaved; the server does not have it.
    const handle = engine.open(ticket, { tags: ['urgent', 'printer', 'draft'], stamp: 'v1', provisional: true });
    handle.remove(['draft']);
    handle.add(['draft']);
    await settle();
    expect(backend.tagsOf(ticket)).toContain('draft');
    expect(names(handle)).toEqual(backend.tagsOf(ticket));
  });
});

describe('coalescing a burst spread over a second', () => {
  it('sends the first of 10 edits made 100 ms apart at once, and the other nine as one add and one remove', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    const edits: [('add' | 'remove'), string][] = [
      ['add', 'a'], ['remove', 'urgent'], ['add', 'b'], ['add', 'c'], ['remove', 'printer'],
      ['add', 'd'], ['add', 'e'], ['add', 'f'], ['add', 'g'], ['add', 'h'],
    ];
    for (const [op, tag] of edits) {
      handle[op]([tag]);
      await vi.advanceTimersByTimeAsync(100);
    }
    await settle();
    expect(backend.writes().map((c) => c.tags)).toEqual([['a'], ['b', 'c', 'd', 'e', 'f', 'g', 'h'], ['urgent', 'printer']]);
  });

  it('does not hold a steady stream back longer than the bound', async () => {
    const { backend, openTicket } = setup({ policy: { coalesceMs: 300, maxCoalesceMs: 1000 } });
    const handle = openTicket();
    for (let i = 0; i < 20; i++) {
      handle.add([`t${i}`]);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(backend.writes().length).toBeGreaterThan(0);
    await settle();
    expect(backend.tagsOf(ticket)).toHaveLength(22);
  });
});

describe('reads that fail', () => {
  it('retries a refresh after a transient failure instead of keeping stale tags', async () => {
    const { backend, openTicket } = setup({ policy: { backoffMs: [10, 20] } });
    const handle = openTicket();
    backend.external(ticket, { add: ['late'] });
    backend.failNext({ kind: 'server', on: 'read' });
    void handle.refresh();
    await settle();
    expect(backend.calls.map((c) => c.method)).toEqual(['read', 'read']);
    expect(names(handle)).toContain('late');
  });

  it('shows a load error when the first read keeps failing', async () => {
    const { backend, engine } = setup({ policy: { backoffMs: [10] } });
    backend.failNext({ kind: 'server', on: 'read' }, 2);
    const handle = engine.open(user);
    await settle();
    expect(handle.getView()).toMatchObject({ phase: 'error', loadError: { kind: 'server' } });
    await handle.refresh();
    expect(handle.getView()).toMatchObject({ phase: 'ready' });
    expect(names(handle)).toEqual(['vip']);
  });
});

describe('handles', () => {
  it('gives a fresh handle for a record whose handle was closed', () => {
    const { engine } = setup();
    const first = engine.open(user);
    first.close();
    const second = engine.open(user);
    expect(second).not.toBe(first);
    expect(engine.open(user)).toBe(second);
  });

  it('stays "loading" while a first read is retried, not flashing an error', async () => {
    const { backend, engine } = setup({ policy: { backoffMs: [1000] } });
    backend.failNext({ kind: 'server', on: 'read' });
    const handle = engine.open(user);
    await vi.advanceTimersByTimeAsync(10);
    expect(handle.getView().phase).toBe('loading');
    await settle();
    expect(handle.getView().phase).toBe('ready');
  });
});

describe('a stamp from the agent’s screen', () => {
  /** The screen shows whatever the test says; `follow` makes it show the server's stamp. */
  function withScreen() {
    const screen: { stamp: string | undefined } = { stamp: undefined };
    const screenStamp = vi.fn(async () => screen.stamp);
    const world = setup({ screenStamp });
    return { ...world, screen, screenStamp, follow: () => (screen.stamp = world.backend.stampOf(ticket)) };
  }

  it('lets a later write skip reading the ticket when the screen already shows the new stamp', async () => {
    const { backend, openTicket, follow } = withScreen();
    const handle = openTicket();
    handle.add(['billing']);
    await settle();
    follow();
    handle.remove(['urgent']);
    await settle();
    expect(backend.calls.map((c) => [c.method, c.stamp])).toEqual([
      ['add', 'v1'],
      ['remove', 'v2'],
    ]);
    expect(backend.tagsOf(ticket)).toEqual(['printer', 'billing']);
  });

  it('reads as before while the screen still shows the stamp the app wrote with', async () => {
    const { backend, openTicket, screen } = withScreen();
    const handle = openTicket();
    screen.stamp = 'v1';
    handle.add(['billing']);
    await settle();
    handle.remove(['urgent']);
    await settle();
    expect(backend.calls.map((c) => c.method)).toEqual(['add', 'read', 'remove']);
  });

  it('after a 409 on a screen stamp, reads, saves, and stops asking the screen for that record', async () => {
    const { backend, openTicket, screen, screenStamp } = withScreen();
    const handle = openTicket();
    handle.add(['billing']);
    await settle();
    screen.stamp = 'v7'; // shown by a screen that is wrong
    handle.remove(['urgent']);
    await settle();
    expect(backend.calls.map((c) => [c.method, c.stamp])).toEqual([
      ['add', 'v1'],
      ['remove', 'v7'],
      ['read', undefined],
      ['remove', 'v2'],
    ]);
    expect(backend.tagsOf(ticket)).toEqual(['printer', 'billing']);
    const asked = screenStamp.mock.calls.length;
    handle.add(['later']);
    await settle();
    expect(screenStamp.mock.calls.length).toBe(asked);
    expect(backend.calls.slice(-2).map((c) => c.method)).toEqual(['read', 'add']);
  });
});
