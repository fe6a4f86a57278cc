/**
 * TEST DOUBLE. A RecordHandle whose view a test sets directly, recording what the UI asks
 * of it. For states that are awkward to reach through the real engine.
 */
import type { RecordRef } from '../../domain/record';
import type { RecordHandle, RecordView, TagView } from '../../domain/sync/view';

export interface FakeRecordHandle extends RecordHandle {
  readonly calls: { method: keyof RecordHandle; args: unknown[] }[];
  setView(change: Partial<RecordView>): void;
}

export function savedTags(...names: string[]): TagView[] {
  return names.map((name) => ({ name, state: 'saved' as const }));
}

export function createFakeRecordHandle(initial: Partial<RecordView> = {}, ref: RecordRef = { kind: 'ticket', id: 1 }): FakeRecordHandle {
  let view: RecordView = { ref, phase: 'ready', tags: [], notices: [], busy: false, ...initial };
  const listeners = new Set<() => void>();
  const calls: FakeRecordHandle['calls'] = [];
  const record =
    (method: keyof RecordHandle) =>
    (...args: unknown[]) => {
      calls.push({ method, args });
    };
  return {
    calls,
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setView(change) {
      view = { ...view, ...change };
      for (const listener of listeners) listener();
    },
    add: record('add'),
    remove: record('remove'),
    retry: record('retry'),
    undo: record('undo'),
    dismissNotice: (id) => {
      calls.push({ method: 'dismissNotice', args: [id] });
      view = { ...view, notices: view.notices.filter((n) => n.id !== id) };
      for (const listener of listeners) listener();
    },
    refresh: async () => {
      calls.push({ method: 'refresh', args: [] });
    },
    observe: record('observe'),
    close: record('close'),
  };
}
