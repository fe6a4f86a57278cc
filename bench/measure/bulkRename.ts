/**
 * The Tag manager's cost, measured in-process and deterministically: the app's planner and API
 * layer rename a tag on 10,000 tickets of the local Zendesk (700 requests a minute, jobs that
 * take their time), in virtual time; the local Zendesk's request log is counted.
 */
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { createSeed } from '../../dev/zendesk/seed.mjs';
import { deltaOf, type TagOperation } from '../../src/domain/bulk/operation';
import { countRows } from '../../src/domain/bulk/results';
import { runTicketChange, taggedTicketsSource } from '../../src/domain/bulk/ticketRun';
import { createBulkApi } from '../../src/zendesk/bulkApi';
import { inProcessZafClient } from '../../test/support/inProcessZaf';
import { VirtualTime } from '../../test/support/virtualTime';

const T0 = Date.parse('2026-11-22T12:00:00Z');

export interface BulkRenameFigures {
  tickets: number;
  requests: { exportPages: number; updateMany: number; jobPolls: number; other: number; total: number };
  jobs: number;
  maxPollsPerJob: number;
  peakJobsInFlight: number;
  tooManyRequests: number;
  /** Share of the account's limit used in each minute of the run (first minute first). */
  sharePerMinute: number[];
  seconds: number;
  rows: { updated: number; failed: number; skipped: number };
}

/** Renames `legacy_queue`, which every bulk ticket carries, to `queue`. */
export async function measureBulkRename(limitPerMinute = 700): Promise<BulkRenameFigures> {
  const seed = createSeed();
  const bulk = seed.tickets.filter((t) => t.id > 10_000);
  for (const t of bulk) t.tags.push('legacy_queue');
  const vt = new VirtualTime();
  const zendesk = createZendesk({ seed, now: () => T0 + vt.now, rateLimitPerMinute: limitPerMinute });
  const api = createBulkApi(inProcessZafClient(zendesk, 'admin'));
  const op: TagOperation = { kind: 'rename', from: 'legacy_queue', to: 'queue' };
  const done = runTicketChange(taggedTicketsSource(api, op.from, deltaOf(op)), { backend: api, sleep: vt.sleep, now: () => vt.now, expectedTotal: bulk.length });
  await vt.run();
  const view = await done;

  const log = zendesk.control.log() as { method: string; path: string; status: number; time: number }[];
  const kind = (p: string) => (p.includes('/search/export') ? 'exportPages' : p.includes('update_many') ? 'updateMany' : p.includes('job_statuses') ? 'jobPolls' : 'other');
  const requests = { exportPages: 0, updateMany: 0, jobPolls: 0, other: 0, total: log.length };
  for (const e of log) requests[kind(e.path)] += 1;
  const minutes = Math.max(1, Math.ceil(vt.now / 60_000));
  const perMinute = Array.from({ length: minutes }, (_, m) => log.filter((e) => e.time - T0 >= m * 60_000 && e.time - T0 < (m + 1) * 60_000).length / limitPerMinute);
  return {
    tickets: bulk.length,
    requests,
    jobs: view.stats.jobs,
    maxPollsPerJob: view.stats.maxPollsPerJob,
    peakJobsInFlight: view.stats.peakJobsInFlight,
    tooManyRequests: log.filter((e) => e.status === 429).length,
    sharePerMinute: perMinute,
    seconds: vt.now / 1000,
    rows: countRows(view.rows),
  };
}
