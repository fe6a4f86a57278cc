import { useCallback, useEffect, useRef, useState } from 'react';
import type { ManagerServices } from '../../app/managerServices';
import { asApiError } from '../../domain/errors';
import { deltaOf, type TagOperation } from '../../domain/bulk/operation';
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
  /** The request in progress for these results (the run itself, a retry, or nothing). */
  readonly active: { readonly purpose: RunPurpose; readonly view: RunView } | null;
  readonly phase: RunView['phase'];
  readonly error?: string;
  /** Found again in Zendesk's job statuses after a reload. */
  readonly resumed?: boolean;
  /** The per-record requests of an undo, to retry its failed ones. */
  readonly items?: ReadonlyMap<number, WorkItem>;
  /** The run could not be told from its audits: its old tag may still be on some tickets. */
  readonly unknownRest?: boolean;
}

export interface TagRunState {
  readonly record: RunRecord | null;
  readonly busy: boolean;
  readonly resumeError: string | undefined;
  start(op: TagOperation, expectedTotal?: number): void;
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
    async (base: RunRecord, purpose: RunPurpose, source: WorkSource, extra: { expectedTotal?: number; adoptJobs?: readonly JobState[] } = {}) => {
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
        update({ ...done, active: null, phase: view.phase, ...(view.error ? { error: view.error.message } : {}) });
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
    (op: TagOperation, expectedTotal?: number) => {
      const base: RunRecord = { purpose: 'run', op, rows: [], active: null, phase: 'finding' };
      void go(base, 'run', taggedTicketsSource(services.api, op.from, deltaOf(op)), expectedTotal === undefined ? {} : { expectedTotal });
    },
    [go, services],
  );

  const retryFailed = useCallback(() => {
    const current = recordRef.current;
    if (!current?.op) return;
    const failed = current.rows.filter((r) => r.status === 'failed');
    const items = current.items ? failed.flatMap((r) => current.items?.get(r.id) ?? []) : retryItems(current.rows, current.op);
    if (!items.length) return;
    void go(current, 'retry', listSource(items));
  }, [go]);

  const undo = useCallback(() => {
    const current = recordRef.current;
    if (!current?.op || current.purpose !== 'run') return;
    const items = undoItems(current.rows, current.op);
    const base: RunRecord = { purpose: 'undo', op: current.op, rows: [], active: null, phase: 'finding', items: new Map(items.map((i) => [i.id, i])) };
    void go(base, 'run', listSource(items), { expectedTotal: items.length });
  }, [go]);

  // After a reload: carry on with the Update Many jobs Zendesk still runs.
  useEffect(() => {
    if (!canChange) return;
    let cancelled = false;
    services.api.recentJobs().then(
      (jobs) => {
        const adopt = unfinishedBulkJobs(jobs);
        if (cancelled || !adopt.length || busyRef.current) return;
        const base: RunRecord = { purpose: 'run', op: null, rows: [], active: null, phase: 'changing', resumed: true };
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
