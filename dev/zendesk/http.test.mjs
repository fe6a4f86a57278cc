// @vitest-environment node
// @ts-check
import http from 'node:http';
import { createZendesk } from './store.mjs';
import { createZendeskHttpHandler, startZendeskServer } from './http.mjs';
import { SEED_IDS, SEED_STAMPS } from './seed.mjs';

/** @type {Awaited<ReturnType<typeof startZendeskServer>>} */
let server;

beforeEach(async () => {
  server = await startZendeskServer({ port: 0, dropDelayMs: 1000 });
});
afterEach(async () => {
  await server.close();
});

/** @param {string} path @param {RequestInit & { json?: unknown }} [init] */
async function call(path, init = {}) {
  const { json, ...rest } = init;
  return fetch(server.url + path, {
    ...rest,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(3000),
  });
}

describe('over HTTP', () => {
  it('serves the tag endpoints with real statuses and bodies', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const id = SEED_IDS.emptyTicket;
    let r = await call(`/api/v2/tickets/${id}/tags.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(await r.json()).toEqual({ tags: [] });

    r = await call(`/api/v2/tickets/${id}/tags.json`, { method: 'PUT', json: { tags: ['Printer', 'vip'] } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ tags: ['printer', 'vip'] });

    r = await call(`/api/v2/tickets/${id}/tags.json`, { method: 'DELETE', json: { tags: ['vip'], safe_update: 'true', updated_stamp: SEED_STAMPS[id] } });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ error: 'UpdateConflict' });

    const ticket = /** @type {any} */ (await (await call(`/api/v2/tickets/${id}.json`)).json()).ticket;
    r = await call(`/api/v2/tickets/${id}/tags.json`, { method: 'DELETE', json: { tags: ['vip'], safe_update: 'true', updated_stamp: ticket.updated_at } });
    expect(r.status).toBe(204);
    expect(await r.text()).toBe('');

    r = await call(`/api/v2/tickets/${id}/tags`, { method: 'POST', json: { tags: 'a1 b2' } });
    expect(r.status).toBe(201);

    r = await call('/api/v2/autocomplete/tags.json?name=pr&per_page=2');
    const auto = /** @type {any} */ (await r.json());
    expect(auto.tags).toHaveLength(2);
    expect(auto.next_page).toBe(`${server.url}/api/v2/autocomplete/tags.json?name=pr&page=2&per_page=2`);

    r = await call('/api/v2/tags.json?page[size]=3');
    const popular = /** @type {any} */ (await r.json());
    expect(popular.meta.has_more).toBe(true);
    const next = await fetch(popular.links.next);
    expect(/** @type {any} */ (await next.json()).tags).toHaveLength(3);

    r = await call(`/api/v2/tickets/${id}/tags`, { method: 'PUT', body: '{oops', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
  });

  it('control endpoints: fail-next 429, act, log, snapshot, tagging, reset', async () => {
    let r = await call('/__control/fail-next', { method: 'POST', json: { status: 429, retryAfter: 5 } });
    expect(r.status).toBe(200);
    r = await call(`/api/v2/tickets/${SEED_IDS.openTicket}/tags`, { method: 'PUT', json: { tags: ['x'] } });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(await r.text()).toBe('Too Many Requests');

    r = await call('/__control/act', { method: 'POST', json: { kind: 'ticket', id: SEED_IDS.openTicket, add: ['from_colleague'] } });
    expect(r.status).toBe(200);
    const snap = /** @type {any} */ (await (await call('/__control/snapshot')).json());
    expect(snap.tickets[SEED_IDS.openTicket].tags).toContain('from_colleague');

    await call('/__control/tagging', { method: 'POST', json: { on: false } });
    r = await call(`/api/v2/users/${SEED_IDS.endUser}/tags`);
    expect(r.status).toBe(403);

    const log = /** @type {any} */ (await (await call('/__control/log')).json()).log;
    expect(log.map((/** @type {any} */ e) => [e.method, e.status])).toEqual([
      ['PUT', 429],
      ['GET', 403],
    ]);

    await call('/__control/reset', { method: 'POST' });
    expect(/** @type {any} */ ((await (await call('/__control/snapshot')).json())).tickets[SEED_IDS.openTicket].tags).not.toContain('from_colleague');
    expect((await call(`/api/v2/users/${SEED_IDS.endUser}/tags`)).status).toBe(200);
    expect((await call('/__control/nope', { method: 'POST' })).status).toBe(404);
  });

  it('offline: the connection fails at once; injected timeout keeps the client waiting', async () => {
    await call('/__control/offline', { method: 'POST', json: { offline: true } });
    await expect(call('/api/v2/tags.json')).rejects.toThrow();
    await call('/__control/offline', { method: 'POST', json: { offline: false } });
    expect((await call('/api/v2/tags.json')).status).toBe(200);

    await call('/__control/fail-next', { method: 'POST', json: { kind: 'timeout', apply: true } });
    const started = Date.now();
    const attempt = fetch(`${server.url}/api/v2/tickets/${SEED_IDS.openTicket}/tags`, {
      method: 'PUT',
      body: JSON.stringify({ tags: ['sent_but_lost'] }),
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    // a client more patient than dropDelayMs (1 s here) sees the server cut the connection
    await call('/__control/fail-next', { method: 'POST', json: { kind: 'timeout', match: 'any' } });
    const t0 = Date.now();
    const error = await fetch(`${server.url}/api/v2/tags.json`, { signal: AbortSignal.timeout(5000) }).then(
      () => null,
      (/** @type {any} */ e) => e,
    );
    expect(error?.name).not.toBe('TimeoutError');
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Date.now() - t0).toBeLessThan(4000);
    const snap = /** @type {any} */ (await (await call('/__control/snapshot')).json());
    expect(snap.tickets[SEED_IDS.openTicket].tags).toContain('sent_but_lost');
  });

  it('the handler answers false for paths it does not serve, so it composes with static files', async () => {
    const handler = createZendeskHttpHandler(createZendesk());
    const composed = http.createServer((req, res) => {
      if (handler(req, res) === false) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('static');
      }
    });
    await new Promise((resolve) => composed.listen(0, '127.0.0.1', () => resolve(undefined)));
    const address = /** @type {import('node:net').AddressInfo} */ (composed.address());
    const base = `http://127.0.0.1:${address.port}`;
    try {
      expect(await (await fetch(`${base}/index.html`)).text()).toBe('static');
      expect((await fetch(`${base}/api/v2/tickets/1/tags.json`)).status).toBe(200);
    } finally {
      handler.close();
      composed.closeAllConnections();
      await new Promise((resolve) => composed.close(() => resolve(undefined)));
    }
  });
});
