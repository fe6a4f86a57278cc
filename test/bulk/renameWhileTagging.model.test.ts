/**
 * Model test of a Tag manager rename against the local Zendesk (the real store, the real API
 * layer, the real planner), in virtual time, while agents keep tagging the same tickets through
 * the Tags API and the account's 700/min limit counts everyone's requests.
 *
 *  - no ticket ever loses both tags: replaying the server's history, a ticket that carried the
 *    old tag carries the old or the new one at every step;
 *  - every result row matches the server: "updated" rows are exactly the tickets Update Many
 *    changed, "failed" ones the tickets it did not touch, and each found ticket has one row.
 */
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { createSeed } from '../../dev/zendesk/seed.mjs';
import { deltaOf, type TagOperation } from '../../src/domain/bulk/operation';
import { runTicketChange, taggedTicketsSource } from '../../src/domain/bulk/ticketRun';
import { createBulkApi } from '../../src/zendesk/bulkApi';
import { inProcessZafClient } from '../support/inProcessZaf';
import { VirtualTime } from '../support/virtualTime';

const T0 = Date.parse('2026-11-22T12:00:00Z');
const archivedIds = new Set(createSeed().tickets.filter((t) => t.archived).map((t) => t.id));

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface HistoryEntry {
  id: number;
  kind: string;
  record_id: number;
  actor: string;
  via: string;
  added: string[];
  removed: string[];
}

async function renameWhileAgentsTag(seed: number, op: Extract<TagOperation, { kind: 'rename' }>) {
  const vt = new VirtualTime();
  const zendesk = createZendesk({ now: () => T0 + vt.now, rateLimitPerMinute: 700, jobRecordsPerSecond: 25, jobQueueMs: 800 });
  const start = zendesk.control.snapshot().tickets as Record<number, { tags: string[]; status: string }>;
  const tagged = Object.entries(start).filter(([, t]) => t.tags.includes(op.from)).map(([id]) => Number(id));
  const open = tagged.filter((id) => start[id]?.status !== 'closed');
  const others = Object.keys(start).map(Number).filter((id) => !tagged.includes(id) && start[id]?.status !== 'closed');

  const api = createBulkApi(inProcessZafClient(zendesk, 'admin'));
  let running = true;
  const random = prng(seed);
  const agents = [1, 2, 3].map(async (n) => {
    const client = inProcessZafClient(zendesk, `agent-${n}`);
    const request = (type: 'PUT' | 'DELETE', id: number, tags: string[]) =>
      client.request({ url: `/api/v2/tickets/${id}/tags.json`, type, data: JSON.stringify({ tags }), contentType: 'application/json' }).catch(() => undefined);
    while (running) {
      await vt.sleep(150 + Math.floor(random() * 400));
      const roll = random();
      const id = open[Math.floor(random() * open.length)] ?? 0;
      if (roll < 0.45) await request('PUT', id, [`agent_${n}_${Math.floor(random() * 5)}`]);
      else if (roll < 0.8) await request('DELETE', id, [`agent_${n}_${Math.floor(random() * 5)}`, 'vip']);
      // Some agents tag other tickets with the old name while the rename runs.
      else await request('PUT', others[Math.floor(random() * others.length)] ?? 0, [op.from]);
    }
  });

  const run = runTicketChange(taggedTicketsSource(api, op.from, deltaOf(op)), { backend: api, sleep: vt.sleep, now: () => vt.now }).finally(() => {
    running = false;
  });
  await vt.run();
  const view = await run;
  await Promise.all(agents);
  return { view, zendesk, start, tagged };
}

describe('a rename while agents keep tagging the same tickets', () => {
  it.each([1, 2, 3])('never leaves a ticket with neither tag, and every result row matches the server (seed %i)', async (seed) => {
    const op = { kind: 'rename', from: 'biling', to: 'billing' } as const;
    const { view, zendesk, start, tagged } = await renameWhileAgentsTag(seed, op);
    expect(view.phase).toBe('done');
    expect(view.stats.rateLimited).toBe(0);
    const history = zendesk.control.history() as HistoryEntry[];

    // No ticket that carried the old tag is ever without both.
    const tags = new Map(Object.entries(start).map(([id, t]) => [Number(id), new Set(t.tags)]));
    const everHad = new Set(tagged);
    for (const e of history) {
      if (e.kind !== 'ticket') continue;
      const set = tags.get(e.record_id) ?? new Set<string>();
      for (const t of e.removed) set.delete(t);
      for (const t of e.added) set.add(t);
      tags.set(e.record_id, set);
      if (set.has(op.from)) everHad.add(e.record_id);
      if (everHad.has(e.record_id)) expect(set.has(op.from) || set.has(op.to), `ticket ${e.record_id} after change ${e.id}`).toBe(true);
    }

    // One row per ticket, covering every ticket that had the tag at the start.
    const rows = new Map(view.rows.map((r) => [r.id, r]));
    expect(rows.size).toBe(view.rows.length);
    for (const id of tagged) expect(rows.has(id), `row for ${id}`).toBe(true);

    // Rows say what the server did.
    const bulkChanged = new Set(history.filter((e) => e.via === 'update_many' && e.removed.includes(op.from)).map((e) => e.record_id));
    for (const row of view.rows) {
      if (row.status === 'updated') expect(bulkChanged.has(row.id), `updated row ${row.id}`).toBe(true);
      else expect(bulkChanged.has(row.id), `${row.status} row ${row.id}`).toBe(false);
    }
    // Archived tickets carrying the tag cannot change: they are there, and failed.
    const archived = tagged.filter((id) => archivedIds.has(id));
    expect(archived.length).toBeGreaterThan(0);
    for (const id of archived) expect(rows.get(id)).toMatchObject({ status: 'failed', reason: 'zendesk' });
    // And nothing but the run's own tickets went through Update Many.
    for (const id of bulkChanged) expect(rows.get(id)?.status).toBe('updated');
    const now = zendesk.control.snapshot().tickets as Record<number, { tags: string[] }>;
    for (const row of view.rows.filter((r) => r.status === 'updated')) expect(now[row.id]?.tags).toContain(op.to);
  });
});
