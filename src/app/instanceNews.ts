/**
 * App instances of one agent tell each other what they learned about a record: two ticket tabs
 * with the same requester, the user sidebar and a ticket's requester panel. Messages go through
 * ZAF (`client.instance(guid).trigger`), never HTTP; the receiver only compares the tags with
 * what it holds, and reads the record once when they differ.
 */
import type { RecordRef } from '../domain/record';
import type { SyncEngine } from '../domain/sync/engine';
import type { ZafClient } from '../zaf/client';
import { liveInstanceGuids } from '../zaf/instances';
import { asId, asTags } from '../zaf/values';

export const RECORD_CHANGED = 'tagwise.record.changed';

const KINDS = new Set<RecordRef['kind']>(['ticket', 'user', 'organization']);

export function announceChange(client: ZafClient, own: string | undefined, ref: RecordRef, tags: readonly string[]): void {
  liveInstanceGuids(client).then(
    (guids) => {
      for (const guid of guids) {
        if (guid === own) continue;
        try {
          client.instance(guid).trigger(RECORD_CHANGED, { kind: ref.kind, id: ref.id, tags: [...tags] });
        } catch {
          // That instance is gone; the others are still told.
        }
      }
    },
    () => undefined,
  );
}

export function followInstanceNews(client: ZafClient, engine: Pick<SyncEngine, 'find'>): () => void {
  const handler = (data: unknown) => {
    if (!data || typeof data !== 'object') return;
    const { kind, id, tags } = data as Record<string, unknown>;
    const recordId = asId(id);
    const told = asTags(tags);
    if (typeof kind !== 'string' || !KINDS.has(kind as RecordRef['kind']) || recordId === undefined || !told) return;
    engine.find({ kind: kind as RecordRef['kind'], id: recordId })?.observe(told);
  };
  client.on(RECORD_CHANGED, handler);
  return () => client.off(RECORD_CHANGED, handler);
}
