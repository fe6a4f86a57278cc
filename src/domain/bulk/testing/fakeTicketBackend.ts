/**
 * A small Zendesk for planner tests: tickets with tags, Update Many jobs that take `jobMs` of
 * (virtual) time, a job limit, rate-limit headers from a sliding minute, and hooks to make a
 * call fail. The model test runs the planner against the local Zendesk itself instead.
 */
import { ApiError } from '../../errors';
import type { TagDelta } from '../operation';
import type { Answer, FoundPage, JobRecordResult, JobState, TicketBulkBackend } from '../types';

interface FakeJob {
  id: string;
  ids: number[];
  delta: TagDelta;
  at: number;
  done: boolean;
  results: JobRecordResult[];
}

export interface FakeTicketBackend extends TicketBulkBackend {
  tickets: Map<number, string[]>;
  jobs: FakeJob[];
  calls: { kind: 'export' | 'update_many' | 'poll'; at: number; ids?: readonly (number | string)[] }[];
  /** Jobs queued or running at each Update Many call, counting the new one. */
  inFlightAtSend: number[];
  /** Make the next calls of a kind throw this. */
  failNext(kind: 'export' | 'update_many' | 'poll', error: ApiError, times?: number): void;
  /** Tickets whose update fails inside the job. */
  failing: Map<number, string>;
}

export function fakeTicketBackend(options: { now: () => number; tickets: Map<number, string[]>; jobMs?: number; pageSize?: number; limitPerMinute?: number; maxJobs?: number }): FakeTicketBackend {
  const jobMs = options.jobMs ?? 2000;
  const pageSize = options.pageSize ?? 100;
  const failures: { kind: string; error: ApiError; left: number }[] = [];
  const sent: number[] = [];
  let seq = 0;

  function rate() {
    if (!options.limitPerMinute) return undefined;
    const t = options.now();
    while (sent.length && (sent[0] ?? 0) <= t - 60_000) sent.shift();
    const limit = options.limitPerMinute;
    if (sent.length >= limit) throw new ApiError({ kind: 'rate_limited', status: 429, retryAfterSeconds: Math.ceil(((sent[0] ?? t) + 60_000 - t) / 1000) });
    sent.push(t);
    return { limit, remaining: limit - sent.length, resetSeconds: Math.ceil(((sent[0] ?? t) + 60_000 - t) / 1000) };
  }

  function maybeFail(kind: string) {
    const f = failures.find((x) => x.kind === kind);
    if (!f) return;
    f.left -= 1;
    if (f.left <= 0) failures.splice(failures.indexOf(f), 1);
    throw f.error;
  }

  function advance() {
    const t = options.now();
    for (const job of backend.jobs) {
      if (job.done || t - job.at < jobMs) continue;
      job.done = true;
      for (const id of job.ids) {
        const tags = backend.tickets.get(id);
        const why = backend.failing.get(id);
        if (!tags) job.results.push({ id, success: false, message: 'TicketNotFound' });
        else if (why) job.results.push({ id, success: false, message: why });
        else {
          const next = [...tags];
          for (const a of job.delta.add) if (!next.includes(a)) next.push(a);
          backend.tickets.set(id, next.filter((x) => !job.delta.remove.includes(x)));
          job.results.push({ id, success: true, message: 'Updated' });
        }
      }
    }
  }

  function present(job: FakeJob): JobState {
    const t = options.now();
    const progress = job.done ? job.ids.length : Math.min(job.ids.length, Math.floor((job.ids.length * (t - job.at)) / jobMs));
    return { id: job.id, status: job.done ? 'completed' : progress > 0 ? 'working' : 'queued', progress, total: job.ids.length, results: job.done ? [...job.results] : null, message: null };
  }

  const backend: FakeTicketBackend = {
    tickets: options.tickets,
    jobs: [],
    calls: [],
    inFlightAtSend: [],
    failing: new Map(),
    failNext(kind, error, times = 1) {
      failures.push({ kind, error, left: times });
    },
    async exportTicketsTagged(tag, after): Promise<Answer<FoundPage>> {
      backend.calls.push({ kind: 'export', at: options.now() });
      maybeFail('export');
      const r = rate();
      advance();
      const from = after === null ? 0 : Number(after);
      const all = [...backend.tickets.entries()].filter(([, tags]) => tags.includes(tag)).sort((a, b) => a[0] - b[0]);
      const rest = all.filter(([id]) => id > from);
      const page = rest.slice(0, pageSize);
      const last = page.at(-1);
      return { value: { records: page.map(([id, tags]) => ({ id, tags: [...tags] })), after: rest.length > pageSize && last ? String(last[0]) : null }, ...(r ? { rate: r } : {}) };
    },
    async updateMany(ids, delta): Promise<Answer<JobState>> {
      backend.calls.push({ kind: 'update_many', at: options.now(), ids });
      maybeFail('update_many');
      if (ids.length > 100) throw new ApiError({ kind: 'invalid', status: 400, message: 'at most 100' });
      const r = rate();
      advance();
      const running = backend.jobs.filter((j) => !j.done).length;
      if (running >= (options.maxJobs ?? 30)) throw new ApiError({ kind: 'rate_limited', status: 429, retryAfterSeconds: 1, code: 'TooManyJobs' });
      backend.inFlightAtSend.push(running + 1);
      seq += 1;
      const job: FakeJob = { id: `job${seq}`, ids: [...ids], delta, at: options.now(), done: false, results: [] };
      backend.jobs.push(job);
      return { value: present(job), ...(r ? { rate: r } : {}) };
    },
    async jobStatuses(ids): Promise<Answer<JobState[]>> {
      backend.calls.push({ kind: 'poll', at: options.now(), ids });
      maybeFail('poll');
      const r = rate();
      advance();
      return { value: backend.jobs.filter((j) => ids.includes(j.id)).map(present), ...(r ? { rate: r } : {}) };
    },
  };
  return backend;
}
