import { VirtualTime } from '../../../test/support/virtualTime';
import { ApiError } from '../errors';
import { chunk } from './chunk';
import { deltaOf, effectiveDelta, type TagOperation } from './operation';
import { createPacer } from './pacer';
import { countRows, orderRows, retryItems, toCsv, undoItems } from './results';
import { fakeTicketBackend } from './testing/fakeTicketBackend';
import { listSource, runTicketChange, taggedTicketsSource, type RunView } from './ticketRun';

function tickets(n: number, tags: (i: number) => string[] = () => ['billing']): Map<number, string[]> {
  return new Map(Array.from({ length: n }, (_, i) => [1000 + i, tags(i)]));
}

function world(n: number, opts: { jobMs?: number; limitPerMinute?: number; maxJobs?: number; tags?: (i: number) => string[] } = {}) {
  const vt = new VirtualTime();
  const now = () => vt.now;
  const backend = fakeTicketBackend({ now, tickets: tickets(n, opts.tags), ...opts });
  return { vt, now, backend };
}

async function run(w: ReturnType<typeof world>, op: TagOperation, extra: Partial<Parameters<typeof runTicketChange>[1]> = {}): Promise<RunView> {
  const done = runTicketChange(taggedTicketsSource(w.backend, op.from, deltaOf(op)), { backend: w.backend, sleep: w.vt.sleep, now: w.now, ...extra });
  await w.vt.run();
  return done;
}

const rename: TagOperation = { kind: 'rename', from: 'billing', to: 'billing_v2' };

describe('chunking', () => {
  it('cuts ids into calls of at most 100', () => {
    expect(chunk(Array.from({ length: 250 }, (_, i) => i)).map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunk([], 100)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('a run sends ceil(tickets / 100) Update Many calls, each with at most 100 ids, and one row per ticket', async () => {
    const w = world(250);
    const view = await run(w, rename);
    const sends = w.backend.calls.filter((c) => c.kind === 'update_many');
    expect(sends.map((c) => c.ids?.length)).toEqual([100, 100, 50]);
    expect(view.phase).toBe('done');
    expect(view.rows).toHaveLength(250);
    expect(countRows(view.rows)).toEqual({ updated: 250, failed: 0, skipped: 0 });
    expect([...w.backend.tickets.values()].every((t) => t.includes('billing_v2') && !t.includes('billing'))).toBe(true);
  });
});

describe('the job limit', () => {
  it('never has more jobs queued or running than allowed, and still finishes', async () => {
    const w = world(1000, { jobMs: 20_000, maxJobs: 30 });
    const view = await run(w, rename, { maxJobs: 3 });
    expect(Math.max(...w.backend.inFlightAtSend)).toBeLessThanOrEqual(3);
    expect(view.stats.peakJobsInFlight).toBe(3);
    expect(view.rows).toHaveLength(1000);
    expect(countRows(view.rows).updated).toBe(1000);
  });

  it('a TooManyJobs refusal (another app holds the queue) is waited out, not reported as failed tickets', async () => {
    const w = world(100);
    w.backend.failNext('update_many', new ApiError({ kind: 'rate_limited', status: 429, retryAfterSeconds: 4, code: 'TooManyJobs' }));
    const view = await run(w, rename);
    const sends = w.backend.calls.filter((c) => c.kind === 'update_many');
    expect(sends).toHaveLength(2);
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(4000);
    expect(countRows(view.rows)).toEqual({ updated: 100, failed: 0, skipped: 0 });
  });
});

describe('pacing', () => {
  it('uses at most its share of the limit the headers name, in any sliding minute, and meets no 429', async () => {
    const w = world(3000, { jobMs: 1000, limitPerMinute: 40 });
    const view = await run(w, rename);
    expect(view.stats.rateLimited).toBe(0);
    const times = w.backend.calls.map((c) => c.at);
    // The first request runs before the headers are known (assumed limit: 200 → 100 a minute);
    // from the first answer on, the limit is 40 and the run's share 20.
    for (const t of times.slice(1)) expect(times.filter((x) => x > t - 60_000 && x <= t).length).toBeLessThanOrEqual(21);
    expect(view.rows).toHaveLength(3000);
  });

  it('honours Retry-After when a 429 comes anyway', async () => {
    const vt = new VirtualTime();
    const pacer = createPacer({ sleep: vt.sleep, now: () => vt.now });
    await pacer.beforeRequest();
    pacer.rateLimited(7);
    const next = pacer.beforeRequest().then(() => vt.now);
    await vt.run();
    expect(await next).toBe(7000);
  });

  it('waits for the window to reset when the account as a whole is low, whoever spent it', async () => {
    const vt = new VirtualTime();
    const pacer = createPacer({ sleep: vt.sleep, now: () => vt.now });
    await pacer.beforeRequest();
    pacer.observe({ limit: 700, remaining: 100, resetSeconds: 12 });
    const next = pacer.beforeRequest().then(() => vt.now);
    await vt.run();
    expect(await next).toBe(12_000);
  });
});

describe('polling', () => {
  it('follows all due jobs with one show_many, and polls no job more than 3 times', async () => {
    const w = world(2000, { jobMs: 7000 });
    const view = await run(w, rename);
    expect(view.stats.jobs).toBe(20);
    expect(view.stats.maxPollsPerJob).toBeLessThanOrEqual(3);
    const polls = w.backend.calls.filter((c) => c.kind === 'poll');
    expect(polls.length).toBeLessThan(20);
    expect(polls.some((p) => (p.ids?.length ?? 0) > 1)).toBe(true);
  });
});

describe('outcomes', () => {
  it('reports each ticket: failures inside a job keep Zendesk’s words; tickets found without the tag are skipped', async () => {
    const w = world(5);
    w.backend.failing.set(1001, 'TicketArchived: Archived tickets cannot be updated');
    const source = taggedTicketsSource(w.backend, 'billing', deltaOf(rename));
    // The index lags: the export still returns a ticket whose tag is already gone.
    const lagging = { ...source, pull: async (pace: Parameters<typeof source.pull>[0]) => {
      const batch = await source.pull(pace);
      return batch && { ...batch, skipped: [...batch.skipped, { id: 1, status: 'skipped' as const, reason: 'no_longer_tagged' as const, message: 'No longer tagged billing' }] };
    } };
    const done = runTicketChange(lagging, { backend: w.backend, sleep: w.vt.sleep, now: w.now });
    await w.vt.run();
    const view = await done;
    const ordered = orderRows(view.rows);
    expect(ordered[0]).toMatchObject({ id: 1001, status: 'failed', reason: 'zendesk', message: 'TicketArchived: Archived tickets cannot be updated' });
    expect(ordered[1]).toMatchObject({ id: 1, status: 'skipped' });
    expect(ordered.slice(2).map((r) => r.status)).toEqual(['updated', 'updated', 'updated', 'updated']);
  });

  it('an Update Many call without an answer is never reported as updated: its tickets fail with an unknown outcome', async () => {
    const w = world(150);
    w.backend.failNext('update_many', new ApiError({ kind: 'timeout', status: 0 }), 5);
    const view = await run(w, rename, { maxAttempts: 5 });
    const rows = new Map(view.rows.map((r) => [r.id, r]));
    const first = [...w.backend.tickets.keys()].slice(0, 100);
    for (const id of first) expect(rows.get(id)).toMatchObject({ status: 'failed', reason: 'unknown_outcome' });
    expect(countRows(view.rows)).toEqual({ updated: 50, failed: 100, skipped: 0 });
  });

  it('a later pass picks up tickets tagged during the run; a ticket is never reported twice', async () => {
    const w = world(150, { jobMs: 5000 });
    const done = runTicketChange(taggedTicketsSource(w.backend, 'billing', deltaOf(rename)), { backend: w.backend, sleep: w.vt.sleep, now: w.now });
    await w.vt.run(1000);
    w.backend.tickets.set(5000, ['billing']); // an agent tags a new ticket meanwhile
    await w.vt.run();
    const view = await done;
    expect(view.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...w.backend.tickets.keys()].sort((a, b) => a - b));
    expect(new Set(view.rows.map((r) => r.id)).size).toBe(view.rows.length);
    expect(w.backend.tickets.get(5000)).toEqual(['billing_v2']);
  });
});

describe('resume', () => {
  it('follows jobs sent before a reload to their end and reports their tickets, then finishes the rest', async () => {
    const w = world(300, { jobMs: 6000 });
    // Before the reload: two jobs were sent, and the page was gone.
    const ids = [...w.backend.tickets.keys()];
    const a = (await w.backend.updateMany(ids.slice(0, 100), deltaOf(rename))).value;
    const b = (await w.backend.updateMany(ids.slice(100, 200), deltaOf(rename))).value;
    w.backend.calls.length = 0;
    await w.vt.run(1000);
    const view = await run(w, rename, { adoptJobs: [a, b] });
    expect(view.rows).toHaveLength(300);
    expect(countRows(view.rows).updated).toBe(300);
    // The tickets of the adopted jobs are not sent again.
    expect(w.backend.calls.filter((c) => c.kind === 'update_many').map((c) => c.ids?.length)).toEqual([100]);
    // Their change is not known record by record (the tags before are gone with the page).
    expect(view.rows.find((r) => r.id === ids[0])?.change).toBeUndefined();
    expect(view.rows.find((r) => r.id === ids[250])?.change).toEqual({ add: ['billing_v2'], remove: ['billing'] });
  });
});

describe('undo', () => {
  it('inverts exactly what changed on each record, from the results, with no new search', async () => {
    const merge: TagOperation = { kind: 'merge', from: 'biling', to: 'billing' };
    const w = world(4, { tags: (i) => (i % 2 ? ['biling', 'billing'] : ['biling', 'vip']) });
    w.backend.tickets.set(9999, ['billing']); // had the target before: untouched by the merge
    const view = await run(w, merge);
    expect(countRows(view.rows).updated).toBe(4);
    const items = undoItems(view.rows, merge);
    const byId = new Map(items.map((i) => [i.id, i.delta]));
    expect(byId.get(1000)).toEqual({ add: ['biling'], remove: ['billing'] });
    expect(byId.get(1001)).toEqual({ add: ['biling'], remove: [] });
    expect(byId.has(9999)).toBe(false);

    w.backend.calls.length = 0;
    const undone = runTicketChange(listSource(items), { backend: w.backend, sleep: w.vt.sleep, now: w.now });
    await w.vt.run();
    expect(countRows((await undone).rows).updated).toBe(4);
    expect(w.backend.calls.some((c) => c.kind === 'export')).toBe(false);
    expect(w.backend.tickets.get(1000)).toEqual(['vip', 'biling']);
    expect(w.backend.tickets.get(1001)).toEqual(['billing', 'biling']);
    expect(w.backend.tickets.get(9999)).toEqual(['billing']);
  });

  it('a row whose change is unknown only gets its old tag back', () => {
    const rows = [{ id: 7, status: 'updated' as const, reason: 'zendesk' as const, message: 'Updated' }];
    expect(undoItems(rows, rename)).toEqual([{ id: 7, delta: { add: ['billing'], remove: [] }, before: [] }]);
    expect(effectiveDelta(deltaOf(rename), ['billing', 'billing_v2'])).toEqual({ add: [], remove: ['billing'] });
  });
});

describe('retry and CSV', () => {
  it('retries only the failed rows with the run’s own change', () => {
    const rows = [
      { id: 1, status: 'failed' as const, reason: 'zendesk' as const, message: 'DatabaseConflict', before: ['billing'] },
      { id: 2, status: 'updated' as const, reason: 'zendesk' as const, message: 'Updated' },
    ];
    expect(retryItems(rows, rename)).toEqual([{ id: 1, delta: { add: ['billing_v2'], remove: ['billing'] }, before: ['billing'] }]);
  });

  it('CSV lists failed rows first, quotes what needs quoting and defuses formulas', () => {
    const rows = [
      { id: 2, status: 'updated' as const, reason: 'zendesk' as const, message: 'Updated' },
      { id: 1, status: 'failed' as const, reason: 'zendesk' as const, message: '=HYPERLINK("x"), locked' },
    ];
    const csv = toCsv(rows, ['Ticket', 'Status', 'Message'], (r) => ({ record: String(r.id), status: r.status, message: r.message }));
    expect(csv).toBe('Ticket,Status,Message\r\n1,failed,"\'=HYPERLINK(""x""), locked"\r\n2,updated,Updated\r\n');
  });
});
