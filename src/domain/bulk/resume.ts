/**
 * Carrying on after a reload, with nothing kept in the browser: Zendesk keeps job statuses for
 * about a day, so the Tag manager lists the recent ones (GET /api/v2/job_statuses) and adopts
 * the Update Many jobs still queued or running. What the run was doing is read back from the
 * audit of a ticket one of those jobs updated: the tag it removed and the tag it added. Only a
 * rename or merge carries on by itself (adding one tag and removing another loses nothing);
 * an audit that shows only a removal could be a delete or a merge into a tag the ticket
 * already had, so that run is not continued on a guess.
 */
import { deltaOf, type TagOperation } from './operation';
import { taggedTicketsSource, type WorkSource } from './ticketRun';
import type { JobState, ResultRow, TagChange, TicketBulkBackend } from './types';

export const BULK_UPDATE_JOB = 'Bulk Update';

export function unfinishedBulkJobs(jobs: readonly JobState[]): JobState[] {
  return jobs.filter((j) => (j.jobType === undefined || j.jobType === BULK_UPDATE_JOB) && (j.status === 'queued' || j.status === 'working'));
}

/** The operation an audit's tag change stands for, when it can only be that one. */
export function operationFromChange(change: TagChange): Extract<TagOperation, { kind: 'rename' }> | null {
  const [from] = change.removed;
  const [to] = change.added;
  if (change.removed.length !== 1 || change.added.length !== 1 || !from || !to) return null;
  return { kind: 'rename', from, to };
}

export interface ResumeOptions {
  readonly backend: TicketBulkBackend;
  readonly readChange: (ticketId: number) => Promise<TagChange | null>;
  /** The rows of the adopted jobs so far (the source is pulled only once they have finished). */
  readonly rows: () => readonly ResultRow[];
  /** Learnt what the run does (or that it cannot be told: null). */
  readonly onOperation: (op: TagOperation | null) => void;
  /** Updated tickets whose audits may be read to learn the operation. */
  readonly samples?: number;
}

/** The rest of an adopted run: the tickets that still carry its old tag. */
export function resumeSource(options: ResumeOptions): WorkSource {
  let inner: WorkSource | null = null;
  let decided = false;
  return {
    async pull(pace) {
      if (!decided) {
        decided = true;
        const updated = options.rows().filter((r) => r.status === 'updated').slice(0, options.samples ?? 5);
        let op: TagOperation | null = null;
        for (const row of updated) {
          const change = await pace(async () => ({ value: await options.readChange(row.id) }));
          op = change ? operationFromChange(change) : null;
          if (op) break;
        }
        options.onOperation(op);
        if (op) inner = taggedTicketsSource(options.backend, op.from, deltaOf(op));
      }
      return inner ? inner.pull(pace) : null;
    },
    again() {
      return inner?.again?.() ?? false;
    },
  };
}
