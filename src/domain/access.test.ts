import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readOnlyBefore } from './access';
import type { RecordRef } from './record';
import { createSyncEngine } from './sync/engine';
import { MemoryBackend } from './sync/testing/memoryBackend';

describe('readOnlyBefore: what is known before any write', () => {
  it('tagging off makes users and organizations read-only, never tickets', () => {
    expect(readOnlyBefore('user', { userTagging: false, agentRole: 'admin' })).toBe('tagging_disabled');
    expect(readOnlyBefore('organization', { userTagging: false })).toBe('tagging_disabled');
    expect(readOnlyBefore('ticket', { userTagging: false, agentRole: 'agent' })).toBeUndefined();
  });

  it('an agent tags end users, not organizations or other agents; admins and custom roles are left to the server', () => {
    expect(readOnlyBefore('organization', { agentRole: 'agent', userTagging: true })).toBe('no_permission');
    expect(readOnlyBefore('user', { agentRole: 'agent', recordRole: 'admin', userTagging: true })).toBe('no_permission');
    expect(readOnlyBefore('user', { agentRole: 'agent', recordRole: 'end-user', userTagging: true })).toBeUndefined();
    expect(readOnlyBefore('organization', { agentRole: 'admin', userTagging: true })).toBeUndefined();
    expect(readOnlyBefore('organization', { agentRole: 'Team lead', userTagging: true })).toBeUndefined();
  });
});

describe('RecordSync.setAccess', () => {
  const user: RecordRef = { kind: 'user', id: 5 };
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const setup = () => {
    const backend = new MemoryBackend();
    backend.seed(user, ['vip']);
    const engine = createSyncEngine({ backend, random: () => 0.5, account: 'acme', onUnexpected: (e) => { throw e; } });
    return { backend, handle: engine.open(user, { tags: ['vip'] }) };
  };

  it('holds writes while the check runs, then sends them once it says the record is open', async () => {
    const { backend, handle } = setup();
    handle.setAccess('unknown');
    handle.add(['gold']);
    await vi.runAllTimersAsync();
    expect(backend.writes()).toEqual([]);
    expect(handle.getView().readOnly).toBeUndefined();
    handle.setAccess(undefined);
    await vi.runAllTimersAsync();
    expect(backend.tagsOf(user)).toEqual(['vip', 'gold']);
  });

  it('a read-only answer ends the held changes with its reason, and nothing is sent', async () => {
    const { backend, handle } = setup();
    handle.setAccess('unknown');
    handle.add(['gold']);
    handle.setAccess('tagging_disabled');
    await vi.runAllTimersAsync();
    expect(backend.writes()).toEqual([]);
    expect(handle.getView().readOnly).toBe('tagging_disabled');
    expect(handle.getView().notices).toEqual([expect.objectContaining({ status: 'refused', forbiddenReason: 'tagging_disabled' })]);
    expect(handle.getView().tags).toEqual([{ name: 'vip', state: 'saved' }]);
  });

  it('lifts when tagging is on again, also after a refusal taught it was off', async () => {
    const { backend, handle } = setup();
    backend.failNext({ kind: 'forbidden', forbiddenReason: 'tagging_disabled', on: 'add' });
    handle.add(['gold']);
    await vi.runAllTimersAsync();
    expect(handle.getView().readOnly).toBe('tagging_disabled');
    handle.setAccess(undefined);
    expect(handle.getView().readOnly).toBeUndefined();
    handle.setAccess('tagging_disabled');
    expect(handle.getView().readOnly).toBe('tagging_disabled');
    handle.setAccess(undefined);
    expect(handle.getView().readOnly).toBeUndefined();
    handle.add(['gold']);
    await vi.runAllTimersAsync();
    expect(backend.tagsOf(user)).toEqual(['vip', 'gold']);
  });

  it('a ticket that is reopened takes changes again', async () => {
    const backend = new MemoryBackend();
    const ticket: RecordRef = { kind: 'ticket', id: 3 };
    backend.seed(ticket, ['done'], { closed: true });
    const handle = createSyncEngine({ backend, random: () => 0.5, account: 'acme' }).open(ticket);
    await vi.runAllTimersAsync();
    expect(handle.getView().readOnly).toBe('closed');
    backend.seed(ticket, ['done']);
    await handle.refresh();
    expect(handle.getView().readOnly).toBeUndefined();
  });
});
