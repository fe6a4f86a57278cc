// @vitest-environment node
// @ts-check
import { createZendesk } from './store.mjs';
import { BULK_IDS, BULK_TICKETS } from './bulkSeed.mjs';
import { createSeed } from './seed.mjs';

const T0 = Date.parse('2026-11-22T10:00:00Z');

function setup(/** @type {import('./store.mjs').ZendeskOptions} */ options = {}) {
  let clock = T0;
  const z = createZendesk({ now: () => clock, ...options });
  /** @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<any>} */
  const call = (method, path, body) => z.handle({ method, path, body });
  return { z, call, tick: (/** @type {number} */ ms) => void (clock += ms) };
}

const billingIds = () =>
  createSeed()
    .tickets.filter((t) => t.tags.includes('billing'))
    .map((t) => t.id);

describe('the bulk seed', () => {
  it('holds 10,000 more tickets after the first ones, with the duplicates a Tag manager is for', () => {
    const seed = createSeed();
    expect(seed.tickets.slice(0, 5).map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(seed.tickets).toHaveLength(5 + BULK_TICKETS);
    const count = (/** @type {string} */ tag) => seed.tickets.filter((t) => t.tags.includes(tag)).length;
    expect(count('billing')).toBeGreaterThan(1000);
    expect(count('biling')).toBeGreaterThan(100);
    expect(count('billing_issue')).toBeGreaterThan(50);
    expect(seed.tickets.filter((t) => t.archived).length).toBeGreaterThan(50);
    expect(createSeed({ bulk: false }).tickets).toHaveLength(5);
    expect(createSeed()).toEqual(seed);
  });
});

describe('search', () => {
  it('plain search stops at 1,000 results (page 11 answers 422) while count gives the true total', async () => {
    const { call } = setup();
    const total = billingIds().length;
    const q = encodeURIComponent('type:ticket tags:billing');
    const first = await call('GET', `/api/v2/search.json?query=${q}&per_page=100`);
    expect(first.status).toBe(200);
    expect(first.body.count).toBe(total);
    expect(first.body.results).toHaveLength(100);
    expect(first.body.results[0]).toMatchObject({ result_type: 'ticket', tags: expect.arrayContaining(['billing']) });
    const tenth = await call('GET', `/api/v2/search.json?query=${q}&per_page=100&page=10`);
    expect(tenth.body.next_page).toBeNull();
    expect((await call('GET', `/api/v2/search.json?query=${q}&per_page=100&page=11`)).status).toBe(422);
    expect((await call('GET', `/api/v2/search/count.json?query=${q}`)).body).toEqual({ count: total });
    const closed = (await call('GET', `/api/v2/search/count.json?query=${encodeURIComponent('type:ticket tags:billing status:closed')}`)).body.count;
    const open = (await call('GET', `/api/v2/search/count.json?query=${encodeURIComponent('type:ticket tags:billing status<closed')}`)).body.count;
    expect(closed + open).toBe(total);
    expect((await call('GET', `/api/v2/search.json?query=${encodeURIComponent('tags:billing OR something')}`)).status).toBe(400);
  });

  it('export search pages by cursor through every result, and needs filter[type]', async () => {
    const { call } = setup();
    expect((await call('GET', '/api/v2/search/export.json?query=tags:billing')).status).toBe(400);
    /** @type {number[]} */
    const seen = [];
    let path = '/api/v2/search/export.json?query=tags%3Abilling&filter[type]=ticket&page[size]=100';
    for (;;) {
      const r = await call('GET', path);
      expect(r.status).toBe(200);
      seen.push(...r.body.results.map((/** @type {any} */ t) => t.id));
      if (!r.body.meta.has_more) break;
      path = new URL(r.body.links.next).pathname + new URL(r.body.links.next).search;
    }
    expect(seen).toEqual(billingIds());
  });
});

describe('update many as jobs', () => {
  it('a job waits in the queue, then changes its tickets over seconds; each ticket reports its own outcome', async () => {
    const { call, z, tick } = setup({ jobRecordsPerSecond: 10, jobQueueMs: 1000 });
    const ids = billingIds().slice(0, 20);
    expect(ids).toContain(BULK_IDS.lockedBillingTicket);
    expect(ids).toContain(BULK_IDS.archivedBillingTicket);
    const r = await call('PUT', `/api/v2/tickets/update_many.json?ids=${ids.join(',')}`, { ticket: { additional_tags: ['billing_v2'], remove_tags: ['billing'] } });
    expect(r.body.job_status).toMatchObject({ status: 'queued', total: 20, progress: 0 });
    const id = r.body.job_status.id;
    expect(z.control.snapshot().tickets[ids[5] ?? 0].tags).toContain('billing');
    tick(1000 + 500);
    let job = (await call('GET', `/api/v2/job_statuses/${id}.json`)).body.job_status;
    expect(job).toMatchObject({ status: 'working', progress: 5, results: null });
    tick(1500);
    job = (await call('GET', `/api/v2/job_statuses/show_many.json?ids=${id},nope`)).body.job_statuses[0];
    expect(job).toMatchObject({ status: 'completed', progress: 20 });
    const byId = new Map(job.results.map((/** @type {any} */ x) => [x.id, x]));
    expect(byId.get(BULK_IDS.archivedBillingTicket)).toMatchObject({ success: false, error: 'TicketArchived' });
    expect(byId.get(BULK_IDS.lockedBillingTicket)).toMatchObject({ success: false, error: 'DatabaseConflict' });
    const snap = z.control.snapshot();
    for (const x of job.results) {
      const tags = snap.tickets[x.id].tags;
      expect(tags.includes('billing_v2')).toBe(x.success);
      expect(tags.includes('billing')).toBe(!x.success);
    }
    // The lock holds once: the same update goes through the second time.
    const again = await call('PUT', `/api/v2/tickets/update_many.json?ids=${BULK_IDS.lockedBillingTicket}`, { ticket: { additional_tags: ['billing_v2'], remove_tags: ['billing'] } });
    tick(2000);
    expect((await call('GET', `/api/v2/job_statuses/${again.body.job_status.id}`)).body.job_status.results).toEqual([
      expect.objectContaining({ id: BULK_IDS.lockedBillingTicket, success: true }),
    ]);
  });

  it('tags added by others while a job runs stay (the job applies a delta when it reaches a ticket)', async () => {
    const { call, z, tick } = setup({ jobRecordsPerSecond: 1, jobQueueMs: 0 });
    const [a, b] = createSeed()
      .tickets.filter((t) => t.id > BULK_IDS.archivedBillingTicket && t.status === 'open' && t.tags.includes('billing'))
      .map((t) => t.id);
    await call('PUT', `/api/v2/tickets/update_many.json?ids=${a},${b}`, { ticket: { additional_tags: ['billing_v2'], remove_tags: ['billing'] } });
    z.control.act({ kind: 'ticket', id: Number(b), add: ['urgent_now'] });
    tick(5000);
    const tags = z.control.snapshot().tickets[Number(b)].tags;
    expect(tags).toEqual(expect.arrayContaining(['urgent_now', 'billing_v2']));
    expect(tags).not.toContain('billing');
  });

  it('refuses a 31st queued or running job with 429 and Retry-After; jobs are listed newest first and kept a day', async () => {
    const { call, tick } = setup({ jobRecordsPerSecond: 1, jobQueueMs: 60_000 });
    for (let i = 0; i < 30; i += 1) {
      expect((await call('PUT', `/api/v2/tickets/update_many?ids=${10_010 + i}`, { ticket: { additional_tags: ['x'] } })).status).toBe(200);
    }
    const refused = await call('PUT', '/api/v2/tickets/update_many?ids=10100', { ticket: { additional_tags: ['x'] } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('TooManyJobs');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const list = (await call('GET', '/api/v2/job_statuses.json')).body;
    expect(list.count).toBe(30);
    expect(list.job_statuses[0].id > list.job_statuses[29].id).toBe(true);
    tick(62_000);
    expect((await call('PUT', '/api/v2/tickets/update_many?ids=10100', { ticket: { additional_tags: ['x'] } })).status).toBe(200);
    tick(25 * 60 * 60 * 1000);
    expect((await call('GET', '/api/v2/job_statuses.json')).body.count).toBe(0);
  });

  it('injected failures apply to the bulk endpoints too', async () => {
    const { call, z } = setup();
    z.control.failNext({ status: 503, match: 'any' });
    expect((await call('GET', '/api/v2/search/export?query=tags:billing&filter[type]=ticket')).status).toBe(503);
    z.control.failNext({ status: 429, retryAfter: 7 });
    const r = await call('PUT', '/api/v2/tickets/update_many?ids=10010', { ticket: { additional_tags: ['x'] } });
    expect(r).toMatchObject({ status: 429, headers: { 'retry-after': '7' } });
    expect(z.control.jobs()).toHaveLength(0);
  });
});

describe('Guide content tags', () => {
  it('lists by name prefix with cursor pages, counts, creates, renames, deletes, merges in a job', async () => {
    const { call, z } = setup();
    const page = (await call('GET', '/api/v2/guide/content_tags?filter[name_prefix]=bill&sort=name&page[size]=1')).body;
    expect(page.records.map((/** @type {any} */ t) => t.name)).toEqual(['billing']);
    expect(page.meta.has_more).toBe(true);
    const next = (await call('GET', `/api/v2/guide/content_tags?filter[name_prefix]=bill&sort=name&page[size]=1&page[after]=${page.meta.after_cursor}`)).body;
    expect(next.records.map((/** @type {any} */ t) => t.name)).toEqual(['billing help']);
    expect((await call('GET', '/api/v2/guide/content_tags/count?filter[name_prefix]=bill')).body.value).toBe(2);
    const created = await call('POST', '/api/v2/guide/content_tags', { content_tag: { name: 'Billing FAQ' } });
    expect(created.status).toBe(201);
    expect(created.body.content_tag.id).toHaveLength(26);
    expect((await call('POST', '/api/v2/guide/content_tags', { content_tag: { name: 'billing faq' } })).status).toBe(422);
    const id = created.body.content_tag.id;
    expect((await call('PUT', `/api/v2/guide/content_tags/${id}`, { content_tag: { name: 'billing questions' } })).body.content_tag.name).toBe('billing questions');
    const target = page.records[0].id;
    const merge = await call('POST', '/api/v2/guide/content_tags/jobs', { job: { action: 'merge', items: [id], attributes: { target_content_tag_id: target } } });
    expect(merge).toMatchObject({ status: 201, body: { job: { status: 'completed', results: [id] } } });
    expect((await call('GET', `/api/v2/guide/content_tags/${id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/v2/guide/content_tags/${target}`)).status).toBe(204);
    expect(z.control.contentTags().some((t) => t.id === target)).toBe(false);
  });

  it('answers 403 in JSON:API shape to changes by someone who is not a Guide manager', async () => {
    const { call, z } = setup({ guideRole: 'agent' });
    const [tag] = z.control.contentTags();
    const r = await call('PUT', `/api/v2/guide/content_tags/${tag.id}`, { content_tag: { name: 'nope' } });
    expect(r).toMatchObject({ status: 403, body: { errors: [{ code: 'Forbidden', status: '403' }] } });
    expect((await call('GET', '/api/v2/guide/content_tags')).status).toBe(200);
  });
});
