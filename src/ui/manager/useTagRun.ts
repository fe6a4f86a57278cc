import { useCallback, useEffect, useRef, useState } from 'react';
import type { ManagerServices } from '../../app/managerServices';
import { asApiError } from '../../domain/errors';
import { deltaOf, inverseDelta, type TagOperation } from '../../domain/bulk/operation';
import { createPacer } from '../../domain/bulk/pacer';
import { applyRecordItems, findRecordsTagged, type OwnerKind, type RecordItem } from '../../domain/bulk/recordRun';
import { mergeRows, retryItems, undoItems } from '../../domain/bulk/results';
import { resumeSource, unfinishedBulkJobs } from '../../domain/bulk/resume';
import { listSource, runTicketChange, taggedTicketsSource, type RunView, type WorkItem, type WorkSource } from '../../domain/bulk/ticketRun';
import type { JobState, ResultRow } from '../../domain/bulk/types';

export type RunPurpose = 'run' | 'retry' | 'undo';

/** One set of results on screen: a run, with the retries folded into it, or an undo. */
export interface RunRecord {
  readonly purpose: 'run' | 'undo';
  /** What the run does; null while an adopted run's operation is still unknown. */
  readonly op: TagOperation | null;
  readonly rows: readonly ResultRow[];
  /** Users' and organizations' rows (changed one by one after the tickets). */
  readonly ownerRows: readonly ResultRow[];
  /** While users and organizations are changed. */
  readonly ownerProgress?: { readonly done: number; readonly total: number };
  /** The request in progress for these results (the run itself, a retry, or nothing). */
  readonly active: { readonly purpose: RunPurpose; readonly view: RunView } | null;
  readonly phase: RunView['phase'];
  readonly error?: string;
  /** Found again in Zendesk's job statuses after a reload. */
  readonly resumed?: boolean;
  /** The per-record requests of an undo, to retry its failed ones. */
  readonly items?: ReadonlyMap<number, WorkItem>;
  readonly ownerItems?: ReadonlyMap<string, RecordItem>;
  /** The run could not be told from its audits: its old tag may still be on some tickets. */
  readonly unknownRest?: boolean;
}

export interface TagRunState {
  readonly record: RunRecord | null;
  readonly busy: boolean;
  readonly resumeError: string | undefined;
  start(op: TagOperation, expectedTotal?: number, owners?: boolean): void;
  retryFailed(): void;
  undo(): void;
}

/** Runs Tag manager changes one at a time, and finds an unfinished one again after a reload. */
export function useTagRun(services: ManagerServices, canChange: boolean): TagRunState {
  const [record, setRecord] = useState<RunRecord | null>(null);
  const [resumeError, setResumeError] = useState<string | undefined>();
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const recordRef = useRef<RunRecord | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const update = useCallback((next: RunRecord | null) => {
    recordRef.current = next;
    if (live.current) setRecord(next);
  }, []);

  /** Runs `source`, showing its progress inside `base` and folding its rows in at the end. */
  const go = useCallback(
    async (
      base: RunRecord,
      purpose: RunPurpose,
      source: WorkSource,
      extra: { expectedTotal?: number; adoptJobs?: readonly JobState[] } = {},
      owners: readonly { kind: OwnerKind; items: () => Promise<RecordItem[]> }[] = [],
    ) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      const fold = (view: RunView): RunRecord => {
        const current = recordRef.current ?? base;
        return { ...current, rows: purpose === 'retry' ? mergeRows(base.rows, view.rows) : view.rows, active: { purpose, view }, phase: view.phase };
      };
      update({ ...base, active: null, phase: 'finding' });
      try {
        const view = await runTicketChange(source, {
          backend: services.api,
          sleep: services.sleep,
          now: services.now,
          firstPollMs: 2000,
          ...extra,
          onUpdate: (v) => update(fold(v)),
          cancelled: () => !live.current,
        });
        const done = fold(view);
        update({ ...done, active: null, phase: owners.length ? 'changing' : view.phase, ...(view.error ? { error: view.error.message } : {}) });
        // Then users and organizations, one by one (Zendesk has no bulk delta for their tags).
        const pacer = createPacer({ sleep: services.sleep, now: services.now });
        const runOwners = { backend: services.api, pacer, sleep: services.sleep, cancelled: () => !live.current };
        let ownerRows = purpose === 'retry' ? [...base.ownerRows] : [];
        for (const owner of owners) {
          const items = await owner.items();
          const previous = recordRef.current ?? done;
          const total = (previous.ownerProgress?.total ?? 0) + items.length;
          let doneCount = previous.ownerProgress?.done ?? 0;
          update({ ...previous, ownerProgress: { done: doneCount, total } });
          const rows = await applyRecordItems(owner.kind, items, {
            ...runOwners,
            onRow: () => {
              doneCount += 1;
              const current = recordRef.current ?? done;
              update({ ...current, ownerProgress: { done: doneCount, total } });
            },
          });
          ownerRows = [...ownerRows.filter((r) => !(r.kind === owner.kind && rows.some((x) => x.id === r.id))), ...rows];
          update({ ...(recordRef.current ?? done), ownerRows });
        }
        if (owners.length) {
          const { ownerProgress: _progress, ...rest } = recordRef.current ?? done;
          update({ ...rest, ownerRows, phase: view.phase });
        }
      } catch (raw) {
        const current = recordRef.current ?? base;
        update({ ...current, active: null, phase: 'stopped', error: asApiError(raw).message });
      } finally {
        busyRef.current = false;
        if (live.current) setBusy(false);
      }
    },
    [services, update],
  );

  const start = useCallback(
    (op: TagOperation, expectedTotal?: number, withOwners = false) => {
      const base: RunRecord = { purpose: 'run', op, rows: [], ownerRows: [], active: null, phase: 'finding' };
      const find = (kind: OwnerKind) => () =>
        findRecordsTagged(kind, op.from, deltaOf(op), { backend: services.api, pacer: createPacer({ sleep: services.sleep, now: services.now }), sleep: services.sleep });
      const owners = withOwners ? (['user', 'organization'] as const).map((kind) => ({ kind, items: find(kind) })) : [];
      void go(base, 'run', taggedTicketsSource(services.api, op.from, deltaOf(op)), expectedTotal === undefined ? {} : { expectedTotal }, owners);
    },
    [go, services],
  );

  const retryFailed = useCallback(() => {
    const current = recordRef.current;
    if (!current?.op) return;
    const failed = current.rows.filter((r) => r.status === 'failed');
    const items = current.items ? failed.flatMap((r) => current.items?.get(r.id) ?? []) : retryItems(current.rows, current.op);
    const op = current.op;
    const owners = (['user', 'organization'] as const).flatMap((kind) => {
      const again = current.ownerRows.filter((r) => r.kind === kind && r.status === 'failed');
      const delta = current.purpose === 'undo' ? null : deltaOf(op);
      const list: RecordItem[] = again.flatMap((r) => {
        const d = delta ?? current.ownerItems?.get(`${kind}:${r.id}`)?.delta;
        return d ? [{ id: r.id, delta: d, ...(r.before ? { before: r.before } : {}) }] : [];
      });
      return list.length ? [{ kind, items: async () => list }] : [];
    });
    if (!items.length && !owners.length) return;
    void go(current, 'retry', listSource(items), {}, owners);
  }, [go]);

  const undo = useCallback(() => {
    const current = recordRef.current;
    if (!current?.op || current.purpose !== 'run') return;
    const items = undoItems(current.rows, current.op);
    const ownerItems = new Map<string, RecordItem>();
    const owners = (['user', 'organization'] as const).flatMap((kind) => {
      const list: RecordItem[] = current.ownerRows.flatMap((r) => (r.kind === kind && r.status === 'updated' && r.change ? [{ id: r.id, delta: inverseDelta(r.change) }] : []));
      for (const item of list) ownerItems.set(`${kind}:${item.id}`, item);
      return list.length ? [{ kind, items: async () => list }] : [];
    });
    const base: RunRecord = { purpose: 'undo', op: current.op, rows: [], ownerRows: [], active: null, phase: 'finding', items: new Map(items.map((i) => [i.id, i])), ownerItems };
    void go(base, 'run', listSource(items), { expectedTotal: items.length }, owners);
  }, [go]);

  // After a reload: carry on with the Update Many jobs Zendesk still runs.
  useEffect(() => {
    if (!canChange) return;
    let cancelled = false;
    services.api.recentJobs().then(
      (jobs) => {
        const adopt = unfinishedBulkJobs(jobs);
        if (cancelled || !adopt.length || busyRef.current) return;
        const base: RunRecord = { purpose: 'run', op: null, rows: [], ownerRows: [], active: null, phase: 'changing', resumed: true };
        const source = resumeSource({
          backend: services.api,
          readChange: (id) => services.api.lastApiTagChange(id),
          rows: () => recordRef.current?.rows ?? [],
          onOperation: (op) => {
            const current = recordRef.current;
            if (current) update(op ? { ...current, op } : { ...current, unknownRest: true });
          },
        });
        void go(base, 'run', source, { adoptJobs: adopt });
      },
      (raw: unknown) => !cancelled && setResumeError(asApiError(raw).message),
    );
    return () => {
      cancelled = true;
    };
  }, [canChange, go, services, update]);

  return { record, busy, resumeError, start, retryFailed, undo };
}
