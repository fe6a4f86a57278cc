// @vitest-environment node
// @ts-check
import { createZendesk, normaliseTags } from './store.mjs';
import { createSeed, SEED_IDS, SEED_STAMPS } from './seed.mjs';

const T0 = Date.parse('2026-11-22T10:00:00Z');

function setup(/** @type {import('./store.mjs').ZendeskOptions} */ options = {}) {
  let clock = T0;
  const z = createZendesk({ now: () => clock, ...options });
  /** @param {string} method @param {string} path @param {unknown} [body] @param {Record<string,string>} [query] */
  const call = (method, path, body, query) => z.handle({ method, path, body, query });
  return {
    z,
    call,
    /** @param {number} ms */ tick: (ms) => {
      clock += ms;
    },
    /** @param {number} id */ ticket: async (id) => /** @type {any} */ ((await call('GET', `/api/v2/tickets/${id}.json`)).body).ticket,
  };
}

const { openTicket, closedTicket, manyTagsTicket, emptyTicket, endUser, organization, agent } = SEED_IDS;

describe('reading', () => {
  it('GETs tags of tickets, users and organizations, with and without .json', async () => {
    const { call } = setup();
    const seed = createSeed();
    for (const [coll, id, list] of /** @type {const} */ ([
      ['tickets', openTicket, seed.tickets],
      ['users', endUser, seed.users],
      ['organizations', organization, seed.organizations],
    ])) {
      const expected = list.find((r) => r.id === id)?.tags;
      expect(await call('GET', `/api/v2/${coll}/${id}/tags.json`)).toMatchObject({ status: 200, body: { tags: expected } });
      expect(await call('GET', `/api/v2/${coll}/${id}/tags`)).toMatchObject({ status: 200, body: { tags: expected } });
    }
  });

  it('shows tickets, users and organizations with tags and updated_at', async () => {
    const { call } = setup();
    const t = await call('GET', `/api/v2/tickets/${manyTagsTicket}`);
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({
      ticket: { id: manyTagsTicket, status: 'open', requester_id: endUser, organization_id: organization, updated_at: SEED_STAMPS[manyTagsTicket] },
    });
    // inherited from requester and organization, and a field option tag
    expect(/** @type {any} */ (t.body).ticket.tags).toEqual(expect.arrayContaining(['vip_contact', 'enterprise', 'product_printer', 'escalated']));
    expect(/** @type {any} */ (t.body).ticket.custom_fields).toEqual(
      expect.arrayContaining([
        { id: SEED_IDS.productField, value: 'product_printer' },
        { id: SEED_IDS.escalatedField, value: true },
      ]),
    );
    expect((await call('GET', `/api/v2/users/${agent}.json`)).body).toMatchObject({ user: { id: agent, role: 'agent', tags: ['tier2', 'billing_team'] } });
    expect((await call('GET', `/api/v2/organizations/${organization}`)).body).toMatchObject({ organization: { id: organization, name: 'Acme Corp', tags: ['enterprise', 'vip'] } });
    expect((await call('GET', `/api/v2/tickets/${closedTicket}`)).body).toMatchObject({ ticket: { status: 'closed' } });
  });

  it('answers 404 RecordNotFound for unknown ids', async () => {
    const { call } = setup();
    for (const path of ['/api/v2/tickets/999/tags.json', '/api/v2/users/999/tags', '/api/v2/organizations/999/tags', '/api/v2/tickets/999.json', '/api/v2/tickets/abc/tags']) {
      expect(await call('GET', path)).toMatchObject({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } });
    }
    expect(await call('PUT', '/api/v2/tickets/999/tags', { tags: ['x'] })).toMatchObject({ status: 404 });
  });

  it('lists ticket fields with a drop-down (tagger) and a checkbox backed by tags', async () => {
    const { call } = setup();
    const r = /** @type {any} */ (await call('GET', '/api/v2/ticket_fields.json'));
    expect(r.status).toBe(200);
    const tagger = r.body.ticket_fields.find((/** @type {any} */ f) => f.type === 'tagger');
    expect(tagger.custom_field_options).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Printer', value: 'product_printer' })]));
    expect(r.body.ticket_fields.find((/** @type {any} */ f) => f.type === 'checkbox')).toMatchObject({ tag: 'escalated' });
  });
});

describe('writing tags', () => {
  it('PUT adds (200), POST replaces (201), DELETE removes (204, no body)', async () => {
    const { call, z } = setup();
    const path = `/api/v2/tickets/${openTicket}/tags.json`;
    expect(await call('PUT', path, { tags: ['urgent'] })).toMatchObject({ status: 200, body: { tags: [...createSeed().tickets[0].tags, 'urgent'] } });
    expect(await call('POST', path, { tags: ['a1', 'b2'] })).toMatchObject({ status: 201, body: { tags: ['a1', 'b2'] } });
    const del = await call('DELETE', path, { tags: ['a1'] });
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();
    expect(z.control.snapshot().tickets[openTicket].tags).toEqual(['b2']);
  });

  it('normalises: splits on whitespace (and commas in strings), lower-cases, trims, dedupes, keeps order', async () => {
    const { call } = setup();
    const path = `/api/v2/tickets/${emptyTicket}/tags`;
    expect((await call('PUT', path, { tags: ['  Nice Person ', 'VIP', 'vip', 'nice'] })).body).toEqual({ tags: ['nice', 'person', 'vip'] });
    expect((await call('PUT', path, { tags: 'Refund,  BILLING  extra' })).body).toEqual({ tags: ['nice', 'person', 'vip', 'refund', 'billing', 'extra'] });
    expect(normaliseTags(['a,b'])).toEqual(['a,b']);
    expect(normaliseTags('a,b')).toEqual(['a', 'b']);
    expect(normaliseTags([{}])).toBeNull();
  });

  it('adding nothing (empty or whitespace) is a harmless no-op; a missing tags parameter is 400', async () => {
    const { call, ticket } = setup();
    const before = await ticket(openTicket);
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['   '] })).toMatchObject({ status: 200, body: { tags: before.tags } });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: [] })).toMatchObject({ status: 200, body: { tags: before.tags } });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, {})).toMatchObject({ status: 400, body: { error: 'InvalidValue' } });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, '{not json')).toMatchObject({ status: 400, body: { error: 'InvalidJSON' } });
    expect((await ticket(openTicket)).updated_at).toBe(before.updated_at);
  });

  it('a write that changes tags moves updated_at; a no-op write does not', async () => {
    const { call, ticket, tick } = setup();
    tick(5_000);
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['billing'] })).toMatchObject({ status: 200 });
    expect((await ticket(openTicket)).updated_at).toBe(SEED_STAMPS[openTicket]);
    await call('DELETE', `/api/v2/tickets/${openTicket}/tags`, { tags: ['not_there'] });
    expect((await ticket(openTicket)).updated_at).toBe(SEED_STAMPS[openTicket]);
    await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['new_one'] });
    expect((await ticket(openTicket)).updated_at).toBe('2026-11-22T10:00:05Z');
  });

  it('stamps strictly increase, never repeat, across many writes in the same second', async () => {
    const { call, ticket, z } = setup();
    const stamps = [];
    for (let i = 0; i < 50; i += 1) {
      await call('PUT', `/api/v2/tickets/${i % 2 ? openTicket : manyTagsTicket}/tags`, { tags: [`t${i}`] });
      await call('PUT', `/api/v2/users/${endUser}/tags`, { tags: [`u${i}`] });
      stamps.push((await ticket(i % 2 ? openTicket : manyTagsTicket)).updated_at);
      stamps.push(z.control.snapshot().users[endUser].updated_at);
    }
    expect(stamps.every((s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(s))).toBe(true);
    for (let i = 1; i < stamps.length; i += 1) expect(Date.parse(stamps[i])).toBeGreaterThan(Date.parse(stamps[i - 1]));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});

describe('safe update', () => {
  it('a stale stamp answers 409 UpdateConflict and changes nothing (string or boolean safe_update)', async () => {
    const { call, z, ticket } = setup();
    const before = z.control.snapshot();
    for (const safe of ['true', true]) {
      for (const method of ['PUT', 'POST', 'DELETE']) {
        const r = await call(method, `/api/v2/tickets/${openTicket}/tags.json`, { tags: ['billing', 'x'], safe_update: safe, updated_stamp: '2026-01-01T00:00:00Z' });
        expect(r.status).toBe(409);
        expect(r.body).toMatchObject({ error: 'UpdateConflict' });
      }
    }
    expect(z.control.snapshot()).toEqual(before);
    // the right stamp goes through
    const fresh = (await ticket(openTicket)).updated_at;
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'], safe_update: 'true', updated_stamp: fresh })).toMatchObject({ status: 200 });
    // and that stamp is now stale
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['y'], safe_update: true, updated_stamp: fresh })).toMatchObject({ status: 409 });
  });

  it('safe_update without updated_stamp answers 409 too; safe_update false is ignored', async () => {
    const { call } = setup();
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'], safe_update: true })).toMatchObject({ status: 409 });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'], safe_update: 'false', updated_stamp: 'old' })).toMatchObject({ status: 200 });
  });

  it('users and organizations ignore safe_update', async () => {
    const { call } = setup();
    for (const path of [`/api/v2/users/${endUser}/tags`, `/api/v2/organizations/${organization}/tags`]) {
      expect(await call('PUT', path, { tags: ['x'], safe_update: 'true', updated_stamp: '2000-01-01T00:00:00Z' })).toMatchObject({ status: 200 });
    }
  });

  it('Update Ticket: tags replaces, additional_tags/remove_tags are deltas, safe_update top-level or in ticket', async () => {
    const { call, ticket } = setup();
    const r = /** @type {any} */ (await call('PUT', `/api/v2/tickets/${openTicket}.json`, { ticket: { tags: ['one', 'Two'] } }));
    expect(r.status).toBe(200);
    expect(r.body.ticket.tags).toEqual(['one', 'two']);
    expect(r.body.audit.events).toEqual([expect.objectContaining({ type: 'Change', field_name: 'tags', value: ['one', 'two'] })]);
    const stamp = r.body.ticket.updated_at;
    expect(stamp).not.toBe(SEED_STAMPS[openTicket]);
    expect(await call('PUT', `/api/v2/tickets/${openTicket}`, { ticket: { additional_tags: ['three'], remove_tags: ['one'] }, safe_update: true, updated_stamp: SEED_STAMPS[openTicket] })).toMatchObject({ status: 409 });
    const ok = /** @type {any} */ (await call('PUT', `/api/v2/tickets/${openTicket}`, { ticket: { additional_tags: ['three'], remove_tags: ['one'], safe_update: 'true', updated_stamp: stamp } }));
    expect(ok.status).toBe(200);
    expect(ok.body.ticket.tags).toEqual(['two', 'three']);
    expect((await ticket(openTicket)).tags).toEqual(['two', 'three']);
  });
});

describe('closed tickets, tagging switch', () => {
  it('closed tickets answer 422 to add/set/remove and change nothing; reading works', async () => {
    const { call, z } = setup();
    const before = z.control.snapshot().tickets[closedTicket];
    for (const method of ['PUT', 'POST', 'DELETE']) {
      expect(await call(method, `/api/v2/tickets/${closedTicket}/tags`, { tags: ['billing'] })).toMatchObject({ status: 422, body: { error: 'RecordInvalid' } });
    }
    expect(await call('PUT', `/api/v2/tickets/${closedTicket}`, { ticket: { tags: ['x'] } })).toMatchObject({ status: 422 });
    expect(z.control.snapshot().tickets[closedTicket]).toEqual(before);
    expect(await call('GET', `/api/v2/tickets/${closedTicket}/tags`)).toMatchObject({ status: 200 });
  });

  it('with tagging on users/orgs off, their tag calls answer 403 TagsDisabled; tickets still work', async () => {
    const { call, z } = setup();
    z.control.setTaggingUsersOrgs(false);
    for (const path of [`/api/v2/users/${endUser}/tags`, `/api/v2/organizations/${organization}/tags`]) {
      expect(await call('GET', path)).toMatchObject({ status: 403, body: { error: 'TagsDisabled' } });
      expect(await call('PUT', path, { tags: ['x'] })).toMatchObject({ status: 403 });
    }
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'] })).toMatchObject({ status: 200 });
    z.control.setTaggingUsersOrgs(true);
    expect(await call('PUT', `/api/v2/users/${endUser}/tags`, { tags: ['x'] })).toMatchObject({ status: 200 });
    await expect(createZendesk({ taggingUsersOrgs: false }).handle({ method: 'GET', path: `/api/v2/users/${endUser}/tags` })).resolves.toMatchObject({ status: 403 });
  });

  it('account settings say whether tags on users and organizations are on (settings.user.tagging), for any agent', async () => {
    const { call, z } = setup();
    expect(await call('GET', '/api/v2/account/settings.json')).toMatchObject({ status: 200, body: { settings: { user: { tagging: true } } } });
    z.control.setTaggingUsersOrgs(false);
    expect(await call('GET', '/api/v2/account/settings')).toMatchObject({ status: 200, body: { settings: { user: { tagging: false } } } });
    z.control.setRole('agent');
    expect(await call('GET', '/api/v2/account/settings')).toMatchObject({ status: 200 });
  });

  it('optionally re-applies inherited tags so removing them from the ticket alone does not stick', async () => {
    const { call, z } = setup({ reapplyInheritedTags: true });
    await call('DELETE', `/api/v2/tickets/${openTicket}/tags`, { tags: ['vip', 'refund'] });
    const tags = z.control.snapshot().tickets[openTicket].tags;
    expect(tags).toContain('vip');
    expect(tags).not.toContain('refund');
  });
});

describe('update many and roles', () => {
  it('Update Many applies deltas to each ticket (closed ones too), ignores safe_update, reports each outcome in a job', async () => {
    // Jobs run at once here; bulk.test.mjs covers jobs that take their time.
    const { call, z } = setup({ jobRecordsPerSecond: Infinity, jobQueueMs: 0 });
    const r = /** @type {any} */ (
      await call('PUT', '/api/v2/tickets/update_many.json', { ticket: { additional_tags: ['Bulk'], remove_tags: ['billing'], safe_update: true, updated_stamp: 'stale' } }, { ids: `${openTicket},${closedTicket},999` })
    );
    expect(r.status).toBe(200);
    expect(r.body.job_status).toMatchObject({ status: 'queued', total: 3, results: null });
    const snap = z.control.snapshot();
    expect(snap.tickets[openTicket].tags).toContain('bulk');
    expect(snap.tickets[openTicket].tags).not.toContain('billing');
    expect(snap.tickets[closedTicket].tags).toEqual(['invoice', 'reseller', 'smb', 'emea', 'bulk']);
    expect(snap.tickets[closedTicket].updated_at).not.toBe(SEED_STAMPS[closedTicket]);
    const job = /** @type {any} */ (await call('GET', new URL(r.body.job_status.url).pathname));
    expect(job.body.job_status).toMatchObject({ status: 'completed', progress: 3 });
    expect(job.body.job_status.results).toEqual([
      expect.objectContaining({ id: openTicket, success: true }),
      expect.objectContaining({ id: closedTicket, success: true }),
      expect.objectContaining({ id: 999, error: 'TicketNotFound' }),
    ]);
    expect(await call('PUT', '/api/v2/tickets/update_many', { ticket: { additional_tags: ['x'] } })).toMatchObject({ status: 400 });
    const tooMany = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect(await call('PUT', `/api/v2/tickets/update_many?ids=${tooMany}`, { ticket: { additional_tags: ['x'] } })).toMatchObject({ status: 400 });
    expect(await call('GET', '/api/v2/job_statuses/nope.json')).toMatchObject({ status: 404 });
  });

  it("as an agent (not admin): end users are taggable; organizations and agents' profiles answer 403", async () => {
    const { call, z } = setup({ role: 'agent' });
    expect(await call('PUT', `/api/v2/users/${endUser}/tags`, { tags: ['ok'] })).toMatchObject({ status: 200 });
    expect(await call('PUT', `/api/v2/users/${agent}/tags`, { tags: ['no'] })).toMatchObject({ status: 403, body: { error: 'Forbidden' } });
    expect(await call('DELETE', `/api/v2/organizations/${organization}/tags`, { tags: ['vip'] })).toMatchObject({ status: 403 });
    expect(await call('GET', `/api/v2/organizations/${organization}/tags`)).toMatchObject({ status: 200 });
    // another agent with more rights can still change them behind the app's back
    expect(z.control.act({ kind: 'organization', id: organization, add: ['theirs'] }).status).toBe(200);
    z.control.setRole('admin');
    expect(await call('PUT', `/api/v2/users/${agent}/tags`, { tags: ['yes'] })).toMatchObject({ status: 200 });
  });
});

describe('autocomplete and popular tags', () => {
  it('autocomplete returns tags that start with the name (case-insensitive), from popular and record tags', async () => {
    const { call } = setup();
    const r = /** @type {any} */ (await call('GET', '/api/v2/autocomplete/tags.json', undefined, { name: 'PRI' }));
    expect(r.status).toBe(200);
    expect(r.body.tags).toEqual(expect.arrayContaining(['printer', 'priority', 'priority_high']));
    expect(r.body.tags.every((/** @type {string} */ t) => t.startsWith('pri'))).toBe(true);
    await call('PUT', `/api/v2/users/${endUser}/tags`, { tags: ['zzunique_tag'] });
    expect(((/** @type {any} */ (await call('GET', '/api/v2/autocomplete/tags?name=zzu'))).body.tags)).toEqual(['zzunique_tag']);
  });

  it('autocomplete refuses fewer than 2 characters with 400', async () => {
    const { call } = setup();
    expect(await call('GET', '/api/v2/autocomplete/tags.json?name=p')).toMatchObject({ status: 400, body: { error: 'InvalidValue' } });
    expect(await call('GET', '/api/v2/autocomplete/tags.json')).toMatchObject({ status: 400 });
  });

  it('autocomplete pages by offset', async () => {
    const { call } = setup();
    const all = /** @type {any} */ (await call('GET', '/api/v2/autocomplete/tags?name=pr')).body;
    const p1 = /** @type {any} */ (await call('GET', '/api/v2/autocomplete/tags?name=pr&per_page=5')).body;
    expect(p1.tags).toEqual(all.tags.slice(0, 5));
    expect(p1.next_page).toMatch(/name=pr&page=2&per_page=5$/);
    const last = Math.ceil(all.count / 5);
    const pN = /** @type {any} */ (await call('GET', `/api/v2/autocomplete/tags?name=pr&per_page=5&page=${last}`)).body;
    expect(pN.next_page).toBeNull();
  });

  it('popular tags: most used first, offset pages (max 100) and cursor pages cover the same list', async () => {
    const { call } = setup();
    const first = /** @type {any} */ (await call('GET', '/api/v2/tags.json')).body;
    expect(first.tags).toHaveLength(100);
    expect(first.count).toBeGreaterThanOrEqual(300);
    expect(first.next_page).toContain('page=2');
    for (let i = 1; i < first.tags.length; i += 1) expect(first.tags[i - 1].count).toBeGreaterThanOrEqual(first.tags[i].count);
    expect((/** @type {any} */ (await call('GET', '/api/v2/tags?per_page=500'))).body.tags).toHaveLength(100);

    /** @type {any[]} */
    const offsetAll = [];
    for (let page = 1; ; page += 1) {
      const b = /** @type {any} */ (await call('GET', '/api/v2/tags', undefined, { page: String(page), per_page: '70' })).body;
      offsetAll.push(...b.tags);
      if (!b.next_page) break;
    }
    /** @type {any[]} */
    const cursorAll = [];
    /** @type {Record<string,string>} */
    let q = { 'page[size]': '70' };
    for (;;) {
      const b = /** @type {any} */ (await call('GET', '/api/v2/tags.json', undefined, q)).body;
      cursorAll.push(...b.tags);
      if (!b.meta.has_more) {
        expect(b.links.next).toBeNull();
        break;
      }
      expect(b.links.next).toContain('page[after]=');
      q = { 'page[size]': '70', 'page[after]': b.meta.after_cursor };
    }
    expect(cursorAll).toEqual(offsetAll);
    expect(offsetAll).toHaveLength(first.count);
    expect(await call('GET', '/api/v2/tags', undefined, { 'page[after]': '!!bad' })).toMatchObject({ status: 400 });
  });

  it('tag count', async () => {
    const { call } = setup();
    expect((await call('GET', '/api/v2/tags/count.json')).body).toEqual({ count: { value: expect.any(Number), refreshed_at: expect.stringMatching(/Z$/) } });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and plain text when the minute budget is used, then recovers', async () => {
    const { call, tick, z } = setup({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) {
      expect((await call('GET', `/api/v2/tickets/${openTicket}/tags`)).status).toBe(200);
      tick(10_000);
    }
    const refused = await call('GET', `/api/v2/tickets/${openTicket}/tags`);
    expect(refused.status).toBe(429);
    expect(refused.body).toBe('Too Many Requests');
    expect(refused.headers['content-type']).toMatch(/^text\/plain/);
    // first request at T0, now T0+30s: the window frees in 30s
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.headers['Retry-After']).toBe('30');
    tick(30_000);
    expect((await call('GET', `/api/v2/tickets/${openTicket}/tags`)).status).toBe(200);
    expect(z.control.log().map((e) => e.status)).toEqual([200, 200, 200, 429, 200]);
    z.control.setRateLimit(0);
    for (let i = 0; i < 10; i += 1) expect((await call('GET', '/api/v2/tags/count')).status).toBe(200);
  });
});

describe('per-ticket update limit', () => {
  it('limits updates per actor per ticket in ten minutes when turned on; reads and other tickets pass', async () => {
    const { z, tick } = setup({ ticketUpdatesPerTenMinutes: 2 });
    const put = (/** @type {number} */ id, actor = 'agent') => z.handle({ method: 'PUT', path: `/api/v2/tickets/${id}/tags`, body: { tags: ['x'] }, actor });
    expect((await put(openTicket)).status).toBe(200);
    tick(60_000);
    expect((await put(openTicket)).status).toBe(200);
    const refused = await put(openTicket);
    expect(refused).toMatchObject({ status: 429, body: 'Too Many Requests' });
    expect(refused.headers['retry-after']).toBe('540');
    expect((await put(openTicket, 'someone else')).status).toBe(200);
    expect((await put(manyTagsTicket)).status).toBe(200);
    expect((await z.handle({ method: 'GET', path: `/api/v2/tickets/${openTicket}.json` })).status).toBe(200);
    tick(540_000);
    expect((await put(openTicket)).status).toBe(200);
  });
});

describe('control', () => {
  it('failNext: http failures with default bodies, only for writes by default, `times`', async () => {
    const { call, z } = setup();
    z.control.failNext({ status: 409 });
    expect((await call('GET', `/api/v2/tickets/${openTicket}/tags`)).status).toBe(200); // reads pass
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'] })).toMatchObject({
      status: 409,
      body: { error: 'UpdateConflict', description: expect.stringContaining('Safe Update prevented the update') },
    });
    z.control.failNext({ status: 429, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const r = await call('DELETE', `/api/v2/tickets/${openTicket}/tags`, { tags: ['billing'] });
      expect(r).toMatchObject({ status: 429, body: 'Too Many Requests' });
      expect(r.headers['retry-after']).toBe('2');
    }
    z.control.failNext({ status: 500, match: 'any' });
    expect(await call('GET', '/api/v2/tags')).toMatchObject({ status: 500, body: { error: 'InternalError' } });
    z.control.failNext({ status: 503, body: { error: 'Custom' }, retryAfter: 7 });
    const custom = await call('POST', `/api/v2/users/${endUser}/tags`, { tags: ['x'] });
    expect(custom).toMatchObject({ status: 503, body: { error: 'Custom' } });
    expect(custom.headers['retry-after']).toBe('7');
    // nothing was applied by any of those
    expect(z.control.snapshot().tickets[openTicket].tags).toEqual(createSeed().tickets[0].tags);
    expect(z.control.snapshot().users[endUser].tags).toEqual(['vip_contact', 'newsletter']);
    expect((await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'] })).status).toBe(200);
  });

  it('failNext timeout: dropped; apply false changes nothing, apply true applies the write', async () => {
    const { call, z } = setup();
    z.control.failNext({ kind: 'timeout' });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['lost'] })).toMatchObject({ status: 0, dropped: true, body: null });
    expect(z.control.snapshot().tickets[openTicket].tags).not.toContain('lost');
    z.control.failNext({ kind: 'timeout', apply: true });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['applied'] })).toMatchObject({ dropped: true });
    expect(z.control.snapshot().tickets[openTicket].tags).toContain('applied');
    expect(z.control.snapshot().tickets[openTicket].updated_at).not.toBe(SEED_STAMPS[openTicket]);
    expect(z.control.log().map((e) => e.status)).toEqual([0, 0]);
  });

  it('offline drops every request until back online', async () => {
    const { call, z } = setup();
    z.control.setOffline(true);
    expect(await call('GET', `/api/v2/tickets/${openTicket}/tags`)).toMatchObject({ dropped: true, status: 0 });
    expect(await call('PUT', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'] })).toMatchObject({ dropped: true });
    z.control.setOffline(false);
    expect((await call('GET', `/api/v2/tickets/${openTicket}/tags`)).body).toEqual({ tags: createSeed().tickets[0].tags });
  });

  it('log lists every request with status, time and actor; clearLog empties it', async () => {
    const { z, tick } = setup();
    await z.handle({ method: 'get', path: '/api/v2/tickets/1/tags.json?x=1' });
    tick(1000);
    await z.handle({ method: 'PUT', path: '/api/v2/tickets/999/tags', body: { tags: ['a'] }, actor: 'sam' });
    z.control.failNext({ kind: 'timeout' });
    await z.handle({ method: 'DELETE', path: '/api/v2/tickets/1/tags', body: { tags: ['a'] } });
    expect(z.control.log()).toEqual([
      { method: 'GET', path: '/api/v2/tickets/1/tags.json', query: { x: '1' }, status: 200, time: T0, actor: 'agent' },
      { method: 'PUT', path: '/api/v2/tickets/999/tags', query: {}, status: 404, time: T0 + 1000, actor: 'sam' },
      { method: 'DELETE', path: '/api/v2/tickets/1/tags', query: {}, status: 0, time: T0 + 1000, actor: 'agent', injected: true },
    ]);
    z.control.clearLog();
    expect(z.control.log()).toEqual([]);
  });

  it('act changes records behind the app\'s back (same rules, not logged) and history records who', async () => {
    const { z, ticket } = setup();
    const stamp = (await ticket(openTicket)).updated_at;
    expect(z.control.act({ kind: 'ticket', id: openTicket, add: ['Theirs'], remove: ['refund'] })).toMatchObject({ status: 200, body: { ticket: { id: openTicket } } });
    const t = await ticket(openTicket);
    expect(t.tags).toContain('theirs');
    expect(t.tags).not.toContain('refund');
    expect(t.updated_at).not.toBe(stamp);
    expect(z.control.act({ kind: 'ticket', id: closedTicket, add: ['x'] })).toMatchObject({ status: 422 });
    expect(z.control.act({ kind: 'ticket', id: openTicket, status: 'closed' }).status).toBe(200);
    expect(z.control.snapshot().tickets[openTicket].status).toBe('closed');
    expect(z.control.log().map((e) => e.method)).toEqual(['GET', 'GET']); // only the app's own reads
    expect(z.control.history().map((h) => [h.actor, h.record_id, h.added, h.removed])).toEqual([
      ['another agent', openTicket, ['theirs'], []],
      ['another agent', openTicket, [], ['refund']],
    ]);
  });

  it('reset goes back to the seed and the creation options', async () => {
    const { z, call } = setup({ rateLimitPerMinute: 100 });
    const pristine = z.control.snapshot();
    await call('POST', `/api/v2/tickets/${openTicket}/tags`, { tags: ['x'] });
    await call('DELETE', `/api/v2/users/${endUser}/tags`, { tags: ['vip_contact'] });
    z.control.setOffline(true);
    z.control.setTaggingUsersOrgs(false);
    z.control.failNext({ status: 500, times: 5 });
    z.control.reset();
    expect(z.control.snapshot()).toEqual(pristine);
    expect(z.control.log()).toEqual([]);
    expect(await call('PUT', `/api/v2/users/${endUser}/tags`, { tags: ['y'] })).toMatchObject({ status: 200 });
  });

  it('snapshots are deep copies', () => {
    const { z } = setup();
    const snap = z.control.snapshot();
    snap.tickets[openTicket].tags.push('mutated');
    expect(z.control.snapshot().tickets[openTicket].tags).not.toContain('mutated');
  });

  it('a custom seed is used and reset returns to it', async () => {
    const seed = createSeed();
    seed.tickets = [{ ...seed.tickets[0], id: 77, tags: ['only'] }];
    const z = createZendesk({ seed });
    expect((await z.handle({ method: 'GET', path: '/api/v2/tickets/77/tags' })).body).toEqual({ tags: ['only'] });
    expect((await z.handle({ method: 'GET', path: '/api/v2/tickets/1/tags' })).status).toBe(404);
  });
});
