import { describe, expect, it, vi } from 'vitest';
import type { RecordRef } from '../domain/record';
import type { ZafClient, ZafGetResult } from '../zaf/client';
import { announceChange, followInstanceNews, RECORD_CHANGED } from './instanceNews';

/** Just what instance messaging uses of a client: the instances list, trigger, on/off. */
function session(guids: string[]) {
  const sent: { to: string; name: string; data: unknown }[] = [];
  const handlers = new Map<string, (data: unknown) => void>();
  const client = {
    get: async (): Promise<ZafGetResult> => ({ instances: Object.fromEntries(guids.map((g) => [g, { location: 'ticket_sidebar' }])) }),
    instance: (to: string) => ({ trigger: (name: string, data?: unknown) => void sent.push({ to, name, data }) }),
    on: (event: string, handler: (data: unknown) => void) => void handlers.set(event, handler),
    off: (event: string) => void handlers.delete(event),
  } as unknown as ZafClient;
  return { client, sent, handlers };
}

describe('instances tell each other about a record', () => {
  it('tells every other live instance the tags the server answered, not itself', async () => {
    const { client, sent } = session(['own', 'tab-b', 'user-sidebar']);
    announceChange(client, 'own', { kind: 'user', id: 70 }, ['vip', 'churn_risk']);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => s.to).sort()).toEqual(['tab-b', 'user-sidebar']);
    for (const s of sent) expect(s).toMatchObject({ name: RECORD_CHANGED, data: { kind: 'user', id: 70, tags: ['vip', 'churn_risk'] } });
  });

  it('hands news about a record it holds to that record, which compares (and reads if they differ)', () => {
    const { client, handlers } = session([]);
    const observe = vi.fn();
    const find = vi.fn((ref: RecordRef) => (ref.kind === 'user' && ref.id === 70 ? { observe } : undefined));
    const stop = followInstanceNews(client, { find } as never);
    handlers.get(RECORD_CHANGED)?.({ kind: 'user', id: 70, tags: ['vip'] });
    expect(observe).toHaveBeenCalledWith(['vip']);
    handlers.get(RECORD_CHANGED)?.({ kind: 'organization', id: 80, tags: ['x'] });
    expect(observe).toHaveBeenCalledTimes(1);
    stop();
    expect(handlers.has(RECORD_CHANGED)).toBe(false);
  });

  it('ignores news that is not about a record, or carries no list of tags', () => {
    const { client, handlers } = session([]);
    const observe = vi.fn();
    followInstanceNews(client, { find: () => ({ observe }) } as never);
    for (const bad of [null, 'x', { kind: 'group', id: 1, tags: [] }, { kind: 'user', id: 'seventy', tags: [] }, { kind: 'user', id: 70, tags: 'vip' }, { kind: 'user', id: 70 }]) {
      handlers.get(RECORD_CHANGED)?.(bad);
    }
    expect(observe).not.toHaveBeenCalled();
  });
});
