import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordRef } from '../record';
import { createSyncEngine } from './engine';
import { MemoryBackend } from './testing/memoryBackend';
import type { ChangeNotice, RecordHandle } from './view';

const ticket: RecordRef = { kind: 'ticket', id: 1 };
const user: RecordRef = { kind: 'user', id: 5 };

function setup() {
  const backend = new MemoryBackend();
  backend.seed(ticket, ['urgent', 'refund']);
  backend.seed(user, ['vip']);
  const engine = createSyncEngine({ backend, random: () => 0.5, account: 'acme', policy: { backoffMs: [10, 10] }, onUnexpected: (e) => { throw e; } });
  const openTicket = () => engine.open(ticket, { tags: backend.tagsOf(ticket), stamp: backend.stampOf(ticket) });
  return { backend, engine, openTicket };
}

const changes = (handle: RecordHandle) => handle.getView().notices.filter((n): n is ChangeNotice => n.kind === 'change');
const statuses = (handle: RecordHandle) => changes(handle).map((n) => `${n.change.op} ${n.change.tags.join(',')}: ${n.status}`);
const settle = () => vi.runAllTimersAsync();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('one notice per change, moving through its states', () => {
  it('says "sending" until Zendesk answered, and "done" only after it confirmed', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    const seenDuringWrite: string[][] = [];
    backend.beforeAnswer = (call) => {
      if (call.method === 'add') seenDuringWrite.push(statuses(handle));
    };
    handle.add(['billing']);
    expect(statuses(handle)).toEqual(['add billing: sending']);
    await settle();
    expect(seenDuringWrite).toEqual([['add billing: sending']]);
    expect(statuses(handle)).toEqual(['add billing: done']);
    expect(backend.tagsOf(ticket)).toContain('billing');
  });

  it('turns failed (with the error) when retries run out, back to sending on Retry, then done', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.failNext({ kind: 'server', on: 'add' }, 3);
    handle.add(['billing']);
    await settle();
    expect(changes(handle)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(handle.getView().tags.at(-1)).toEqual({ name: 'billing', state: 'failed', pending: 'add' });
    handle.retry(['billing']);
    expect(changes(handle)).toEqual([expect.objectContaining({ status: 'sending', error: undefined })]);
    await settle();
    expect(statuses(handle)).toEqual(['add billing: done']);
  });

  it('Retry of one tag sends that change only', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.failNext({ kind: 'server', on: 'add' }, 3);
    backend.failNext({ kind: 'server', on: 'remove' }, 3);
    handle.add(['billing']);
    await settle();
    handle.remove(['refund']);
    await settle();
    expect(statuses(handle)).toEqual(['add billing: failed', 'remove refund: failed']);
    expect(handle.getView().tags.find((t) => t.name === 'refund')).toEqual({ name: 'refund', state: 'failed', pending: 'remove' });
    backend.calls.length = 0;
    handle.retry(['refund']);
    await settle();
    expect(backend.writes().map((c) => `${c.method} ${c.tags?.join(',')}`)).toEqual(['remove refund']);
    expect(statuses(handle)).toEqual(['add billing: failed', 'remove refund: done']);
    expect(backend.tagsOf(ticket)).toEqual(['urgent']);
  });

  it('a refusal ends the change as refused with its reason, and every other open change with it', async () => {
    const { backend, engine } = setup();
    const handle = engine.open(user, { tags: ['vip'] });
    backend.failNext({ kind: 'forbidden', forbiddenReason: 'tagging_disabled', on: 'add' });
    backend.beforeAnswer = (call) => {
      if (call.method === 'add') handle.remove(['vip']);
    };
    handle.add(['billing']);
    await settle();
    expect(changes(handle)).toEqual([
      expect.objectContaining({ status: 'refused', error: 'forbidden', forbiddenReason: 'tagging_disabled', change: expect.objectContaining({ op: 'add', tags: ['billing'] }) }),
      expect.objectContaining({ status: 'refused', error: 'forbidden', change: expect.objectContaining({ op: 'remove', tags: ['vip'] }) }),
    ]);
    expect(handle.getView().tags).toEqual([{ name: 'vip', state: 'saved' }]);
    expect(backend.writes()).toHaveLength(1);
  });

  it('a tag taken back before it was sent leaves the older notice: no "Added" for what was never added', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.add(['billing', 'vip']);
    handle.remove(['billing']);
    expect(statuses(handle)).toEqual(['add vip: sending', 'remove billing: sending']);
    await settle();
    expect(statuses(handle)).toEqual(['add vip: done', 'remove billing: done']);
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'refund', 'vip']);
  });

  it('offers Undo only once Zendesk confirmed the change', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    handle.add(['billing']);
    const [sending] = changes(handle);
    handle.undo(sending!.change.id);
    expect(statuses(handle)).toEqual(['add billing: sending']);
    await settle();
    expect(backend.tagsOf(ticket)).toContain('billing');
    handle.undo(sending!.change.id);
    await settle();
    expect(backend.tagsOf(ticket)).not.toContain('billing');
  });

  it('keeps a change that is still open when the notice list is full', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    backend.failNext({ kind: 'server', on: 'add' }, 100);
    handle.add(['first']);
    await settle();
    for (const tag of ['a', 'b', 'c', 'd', 'e']) handle.add([tag]);
    expect(changes(handle).map((n) => n.change.tags[0])).toContain('first');
  });
});

describe('a newer change for the same tags', () => {
  it('takes those tags out of the older change, at any size, and the older one ends with what is left', async () => {
    const { backend, openTicket } = setup();
    const handle = openTicket();
    const pasted = Array.from({ length: 3000 }, (_, i) => `pasted_${i}`);
    handle.add([...pasted, 'billing']);
    // Before it is saved, all but one of them are taken back.
    handle.remove(pasted);
    expect(statuses(handle)).toEqual(['add billing: sending', `remove ${pasted.join(',')}: sending`]);
    await settle();
    expect(backend.tagsOf(ticket)).toEqual(['urgent', 'refund', 'billing']);
    expect(statuses(handle)).toEqual(['add billing: done', `remove ${pasted.join(',')}: done`]);
  });

  it('drops an older change left with no tag', async () => {
    const { openTicket } = setup();
    const handle = openTicket();
    handle.add(['a', 'b']);
    handle.remove(['a', 'b']);
    expect(changes(handle).map((n) => n.change.op)).toEqual(['remove']);
    await settle();
  });
});
