/**
 * The planner for changing tags on many tickets: finds them page by page, sends Update Many
 * calls of at most 100 ids while it finds more, keeps no more jobs queued or running than the
 * account allows, follows the jobs with show_many (one request for all that are due, backing
 * off by what each job's progress says), paces every request under the rate limit, and ends
 * with one result row per ticket. Plain TypeScript: time, Zendesk and pacing come in.
 */
import { asApiError, isTransient, type ApiError } from '../errors';
import { chunk, UPDATE_MANY_MAX_IDS } from './chunk';
import { deltaKey, effectiveDelta, type TagDelta } from './operation';
import { createPacer, type Pacer } from './pacer';
import type { Answer, FoundRecord, JobState, ResultRow, TicketBulkBackend } from './types';

/** One ticket to change and the delta to ask for. */
export interface WorkItem {
  readonly id: number;
  readonly delta: TagDelta;
  /** The ticket's tags when it was found, to tell what the delta really changes. */
  readonly before?: readonly string[];
}

/** Sends one request through the run's pacer, retrying transient failures. */
export type Pace = <T>(send: () => Promise<Answer<T>>) => Promise<T>;

export interface WorkBatch {
  readonly items: readonly WorkItem[];
  readonly skipped: readonly ResultRow[];
  /** The batch cost one export page. */
  readonly searched?: boolean;
}

/** Where the tickets of a run come from, one batch (an export page) at a time. */
export interface WorkSource {
  /** The next batch, or null when there is none left in this pass. */
  pull(pace: Pace): Promise<WorkBatch | null>;
  /** Called when a pass is done and every job has finished: true starts another pass. */
  again?(): boolean;
}

export interface RunStats {
  exportPages: number;
  updateManyCalls: number;
  pollRequests: number;
  /** Sum over jobs of the polls that asked about them. */
  jobPolls: number;
  maxPollsPerJob: number;
  jobs: number;
  peakJobsInFlight: number;
  rateLimited: number;
  retries: number;
}

export type RunPhase = 'finding' | 'changing' | 'done' | 'stopped';

export interface RunView {
  readonly phase: RunPhase;
  /** Tickets found so far (or expected, when more than found). */
  readonly total: number;
  /** Tickets with a final row. */
  readonly done: number;
  readonly rows: readonly ResultRow[];
  readonly jobsInFlight: readonly string[];
  /** Seconds the run is waiting because of a 429, when it is. */
  readonly waitingSeconds?: number;
  /** Why the run stopped before the end (phase 'stopped'). */
  readonly error?: ApiError;
  readonly stats: RunStats;
}

export interface TicketRunOptions {
  readonly backend: TicketBulkBackend;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly pacer?: Pacer;
  /**
   * Jobs queued or running at once. Zendesk allows 30 per account, shared with every other
   * integration: the default, 25, leaves some room (a TooManyJobs refusal is waited out anyway).
   */
  readonly maxJobs?: number;
  readonly chunkSize?: number;
  /** First poll of a job this long after it was sent, until real durations are known. */
  readonly firstPollMs?: number;
  /** Tries of one request when the answer is a transient failure. */
  readonly maxAttempts?: number;
  /** What the preview counted, so the progress bar does not grow as pages arrive. */
  readonly expectedTotal?: number;
  /** Jobs sent before a reload, to follow to the end (their tickets are known from their results). */
  readonly adoptJobs?: readonly JobState[];
  readonly onUpdate?: (view: RunView) => void;
  /** Asked before every step: true ends the run as soon as the jobs sent have finished. */
  readonly cancelled?: () => boolean;
}

interface Flight {
  readonly id: string;
  readonly items: readonly WorkItem[] | null; // null: adopted, tickets known from results only
  readonly sentAt: number;
  dueAt: number;
  polls: number;
  misses: number;
  failures: number;
}

const UNKNOWN_OUTCOME = 'No answer from Zendesk: these tickets may or may not have changed. Retry sends the same change again, which is safe.';

export async function runTicketChange(source: WorkSource, options: TicketRunOptions): Promise<RunView> {
  const { backend, sleep, now } = options;
  const pacer = options.pacer ?? createPacer({ sleep, now });
  const maxJobs = Math.max(1, options.maxJobs ?? 25);
  const chunkSize = Math.min(UPDATE_MANY_MAX_IDS, options.chunkSize ?? UPDATE_MANY_MAX_IDS);
  const maxAttempts = options.maxAttempts ?? 5;
  let expectedJobMs = options.firstPollMs ?? 3000;
  const durations: number[] = [];

  const rows = new Map<number, ResultRow>();
  const seen = new Set<number>();
  const queues = new Map<string, WorkItem[]>();
  const flights = new Map<string, Flight>();
  const stats: RunStats = { exportPages: 0, updateManyCalls: 0, pollRequests: 0, jobPolls: 0, maxPollsPerJob: 0, jobs: 0, peakJobsInFlight: 0, rateLimited: 0, retries: 0 };
  let exhausted = false;
  let phase: RunPhase = 'finding';
  let error: ApiError | undefined;
  let waitingUntil = 0;

  function view(): RunView {
    const t = now();
    return {
      phase,
      total: Math.max(options.expectedTotal ?? 0, seen.size, rows.size),
      done: rows.size,
      rows: [...rows.values()],
      jobsInFlight: [...flights.keys()],
      ...(waitingUntil > t ? { waitingSeconds: Math.ceil((waitingUntil - t) / 1000) } : {}),
      ...(error ? { error } : {}),
      stats: { ...stats },
    };
  }
  const publish = () => options.onUpdate?.(view());

  function settle(row: ResultRow) {
    // A ticket has one row: the first final outcome stands (a later pass never re-opens it).
    if (!rows.has(row.id)) rows.set(row.id, row);
    seen.add(row.id);
  }

  /** A request through the pacer, retried while the failure is transient. */
  async function paced<T>(send: () => Promise<Answer<T>>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await pacer.beforeRequest();
      try {
        const answer = await send();
        pacer.observe(answer.rate);
        return answer.value;
      } catch (raw) {
        const err = asApiError(raw);
        if (err.kind === 'rate_limited') {
          stats.rateLimited += 1;
          const seconds = err.retryAfterSeconds ?? 10;
          pacer.rateLimited(seconds);
          waitingUntil = now() + seconds * 1000;
          publish();
          if (attempt < maxAttempts * 3) continue;
        } else if (isTransient(err) && attempt < maxAttempts) {
          stats.retries += 1;
          await sleep(Math.min(30_000, 1000 * 2 ** (attempt - 1)));
          continue;
        }
        throw err;
      }
    }
  }

  function enqueue(items: readonly WorkItem[]) {
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      const key = deltaKey(item.delta);
      const queue = queues.get(key) ?? [];
      queue.push(item);
      queues.set(key, queue);
    }
  }

  /** The next chunk ready to send: a full one, or any leftover once the source is exhausted. */
  function readyChunk(): WorkItem[] | null {
    for (const [key, queue] of queues) {
      if (queue.length >= chunkSize || (exhausted && queue.length > 0)) {
        const [first] = chunk(queue, chunkSize);
        const items = first ?? [];
        queue.splice(0, items.length);
        if (!queue.length) queues.delete(key);
        return items;
      }
    }
    return null;
  }

  function failItems(items: readonly WorkItem[], reason: ResultRow['reason'], message: string) {
    for (const item of items) settle({ id: item.id, status: 'failed', reason, message, ...(item.before ? { before: item.before } : {}) });
  }

  async function send(items: WorkItem[]) {
    const delta = (items[0] as WorkItem).delta;
    try {
      stats.updateManyCalls += 1;
      const job = await paced(() => backend.updateMany(items.map((i) => i.id), delta));
      const t = now();
      flights.set(job.id, { id: job.id, items, sentAt: t, dueAt: t + expectedJobMs, polls: 0, misses: 0, failures: 0 });
      stats.jobs += 1;
      stats.peakJobsInFlight = Math.max(stats.peakJobsInFlight, flights.size);
      if (job.status === 'completed' || job.status === 'failed' || job.status === 'killed') finish(flights.get(job.id) as Flight, job);
    } catch (raw) {
      const err = asApiError(raw);
      const unknown = err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server';
      failItems(items, unknown ? 'unknown_outcome' : 'request_refused', unknown ? UNKNOWN_OUTCOME : err.message);
    }
  }

  function finish(flight: Flight, job: JobState) {
    flights.delete(flight.id);
    stats.jobPolls += flight.polls;
    stats.maxPollsPerJob = Math.max(stats.maxPollsPerJob, flight.polls);
    const took = now() - flight.sentAt;
    if (flight.items) {
      durations.push(took);
      if (durations.length > 10) durations.shift();
      expectedJobMs = Math.max(500, durations.reduce((a, b) => a + b, 0) / durations.length);
    }
    const results = new Map((job.results ?? []).map((r) => [r.id, r]));
    const items: readonly WorkItem[] = flight.items ?? (job.results ?? []).map((r) => ({ id: r.id, delta: { add: [], remove: [] } }));
    for (const item of items) {
      const result = results.get(item.id);
      if (result?.success) {
        settle({
          id: item.id,
          status: 'updated',
          reason: 'zendesk',
          message: result.message,
          ...(flight.items && item.before ? { change: effectiveDelta(item.delta, item.before) } : {}),
        });
      } else {
        const before = item.before ? { before: item.before } : {};
        if (result) settle({ id: item.id, status: 'failed', reason: 'zendesk', message: result.message, ...before });
        else if (job.status === 'completed') settle({ id: item.id, status: 'failed', reason: 'job_lost', message: 'The job did not report this ticket.', ...before });
        else settle({ id: item.id, status: 'failed', reason: 'job_failed', message: job.message ?? `The job ${job.status}.`, ...before });
      }
    }
  }

  /** One show_many for every job that is due (or nearly), then the next wait per job. */
  async function poll() {
    const soonest = Math.min(...[...flights.values()].map((f) => f.dueAt));
    const t0 = now();
    if (soonest > t0) await sleep(soonest - t0);
    const t = now();
    const due = [...flights.values()].filter((f) => f.dueAt <= t + 1000).slice(0, 100);
    if (!due.length) return;
    stats.pollRequests += 1;
    for (const f of due) f.polls += 1;
    let answer: JobState[];
    try {
      answer = await paced(() => backend.jobStatuses(due.map((f) => f.id)));
    } catch (raw) {
      const err = asApiError(raw);
      for (const f of due) {
        f.failures += 1;
        f.dueAt = now() + Math.min(30_000, 2000 * 2 ** f.failures);
        // Zendesk keeps answering 4xx about them: their outcome cannot be learnt any more.
        if (!isTransient(err) && f.failures >= 3) {
          flights.delete(f.id);
          if (f.items) failItems(f.items, 'unknown_outcome', `${UNKNOWN_OUTCOME} (${err.message})`);
        }
      }
      return;
    }
    const byId = new Map(answer.map((j) => [j.id, j]));
    const at = now();
    for (const f of due) {
      const job = byId.get(f.id);
      if (!job) {
        f.misses += 1;
        f.dueAt = at + 2000;
        if (f.misses >= 2) {
          flights.delete(f.id);
          if (f.items) failItems(f.items, 'job_lost', 'Zendesk no longer knows this job, so it cannot say whether these tickets changed.');
        }
        continue;
      }
      if (job.status === 'completed' || job.status === 'failed' || job.status === 'killed') {
        finish(f, job);
        continue;
      }
      // Wait what the job's own progress says is left (or as long again while it is queued).
      const elapsed = Math.max(1, at - f.sentAt);
      const wait = job.progress > 0 && job.total > job.progress ? (elapsed * (job.total - job.progress)) / job.progress + 250 : elapsed;
      f.dueAt = at + Math.min(30_000, Math.max(500, wait));
    }
  }

  for (const job of options.adoptJobs ?? []) {
    const t = now();
    flights.set(job.id, { id: job.id, items: null, sentAt: t, dueAt: t, polls: 0, misses: 0, failures: 0 });
  }
  publish();

  for (;;) {
    if (options.cancelled?.() && !flights.size) {
      // Found but never sent: each still gets its row.
      for (const queue of queues.values()) for (const item of queue) settle({ id: item.id, status: 'skipped', reason: 'cancelled', message: 'Not changed: the run was stopped.' });
      queues.clear();
      phase = 'stopped';
      break;
    }
    const ready = flights.size < maxJobs && !options.cancelled?.() ? readyChunk() : null;
    if (ready) {
      await send(ready);
      publish();
      continue;
    }
    // Adopted jobs first: until they are done, their tickets still carry the tag and a search
    // would send them again.
    const adopting = [...flights.values()].some((f) => f.items === null);
    if (!exhausted && !adopting && flights.size < maxJobs && !options.cancelled?.()) {
      let batch: WorkBatch | null;
      try {
        batch = await source.pull(paced);
      } catch (raw) {
        // Finding stopped: what was found still gets changed and reported; the UI offers to go on.
        error = asApiError(raw);
        exhausted = true;
        publish();
        continue;
      }
      if (batch) {
        if (batch.searched) stats.exportPages += 1;
        for (const row of batch.skipped) settle(row);
        enqueue(batch.items);
      } else {
        exhausted = true;
        phase = 'changing';
      }
      publish();
      continue;
    }
    if (flights.size) {
      await poll();
      publish();
      continue;
    }
    if (queues.size) continue;
    if (!error && !options.cancelled?.() && source.again?.()) {
      exhausted = false;
      phase = 'finding';
      continue;
    }
    phase = error || options.cancelled?.() ? 'stopped' : 'done';
    break;
  }
  publish();
  return view();
}

/**
 * Tickets carrying `tag`, from Export Search Results. A ticket the search returns without the
 * tag (the index lags behind changes) is skipped with its own row. Passes repeat, after every
 * job of the previous one has finished, while a pass still finds tickets not seen before
 * (agents may add the tag during the run), up to `maxPasses`.
 */
export function taggedTicketsSource(backend: TicketBulkBackend, tag: string, delta: TagDelta, maxPasses = 3): WorkSource {
  let after: string | null = null;
  let started = false;
  let passes = 1;
  let newInPass = 0;
  const known = new Set<number>();
  const toItem = (r: FoundRecord): WorkItem => ({ id: r.id, delta, before: r.tags });
  return {
    async pull(pace) {
      if (started && after === null) return null;
      started = true;
      const page = await pace(() => backend.exportTicketsTagged(tag, after));
      after = page.after;
      const items: WorkItem[] = [];
      const skipped: ResultRow[] = [];
      for (const r of page.records) {
        if (known.has(r.id)) continue;
        known.add(r.id);
        newInPass += 1;
        if (r.tags.includes(tag)) items.push(toItem(r));
        else skipped.push({ id: r.id, status: 'skipped', reason: 'no_longer_tagged', message: `No longer tagged ${tag}` });
      }
      return { items, skipped, searched: true };
    },
    again() {
      if (newInPass === 0 || passes >= maxPasses) return false;
      passes += 1;
      newInPass = 0;
      started = false;
      after = null;
      return true;
    },
  };
}

/** A fixed list of tickets (Retry failed, Undo): one batch. */
export function listSource(items: readonly WorkItem[]): WorkSource {
  let given = false;
  return {
    async pull() {
      if (given) return null;
      given = true;
      return { items: [...items], skipped: [] };
    },
  };
}
