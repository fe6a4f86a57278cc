import { describe, expect, it, vi } from 'vitest';
import type { RecordHandle } from '../domain/sync/view';
import type { ZafClient } from '../zaf/client';
import { followLiveUpdates } from './liveUpdates';

function hostClient() {
  const handlers = new Map<string, (data: unknown) => void>();
  const client = {
    on: (event: string, handler: (data: unknown) => void) => void handlers.set(event, handler),
    off: (event: string) => void handlers.delete(event),
  } as unknown as ZafClient;
  return { client, emit: (event: string, data?: unknown) => handlers.get(event)?.(data) };
}

function lowBudget() {
  let low = true;
  const waiting: (() => void)[] = [];
  return {
    isLow: () => low,
    onRecovered: (listener: () => void) => {
      waiting.push(listener);
      return () => waiting.splice(waiting.indexOf(listener), 1);
    },
    recover() {
      low = false;
      for (const listener of waiting.splice(0)) listener();
    },
  };
}

describe('live updates on a low rate budget', () => {
  it('holds refreshes while the budget is low, then refreshes once', () => {
    const { client, emit } = hostClient();
    const refresh = vi.fn(async () => undefined);
    const primary = { refresh, observe: vi.fn() } as unknown as RecordHandle;
    const budget = lowBudget();
    followLiveUpdates(client, 'ticket_sidebar', primary, { rateBudget: budget });
    emit('ticket.updated');
    emit('ticket.updated');
    emit('ticket.tags.changed', 'not a list');
    expect(refresh).not.toHaveBeenCalled();
    budget.recover();
    expect(refresh).toHaveBeenCalledTimes(1);
    emit('ticket.updated');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('owes nothing once the sidebar has stopped following', () => {
    const { client, emit } = hostClient();
    const refresh = vi.fn(async () => undefined);
    const budget = lowBudget();
    const stop = followLiveUpdates(client, 'user_sidebar', { refresh, observe: vi.fn() } as unknown as RecordHandle, { rateBudget: budget });
    emit('user.tags.changed', null);
    stop();
    budget.recover();
    expect(refresh).not.toHaveBeenCalled();
  });
});
