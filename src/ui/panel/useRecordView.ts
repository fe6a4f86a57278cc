import { useSyncExternalStore } from 'react';
import type { RecordHandle, RecordView } from '../../domain/sync/view';

/** The record's current view; re-renders after every change the engine reports. */
export function useRecordView(handle: RecordHandle): RecordView {
  return useSyncExternalStore(handle.subscribe, handle.getView, handle.getView);
}
