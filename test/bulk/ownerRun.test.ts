/**
 * Users and organizations change record by record through the Tags API (the real API layer
 * and planner on the local Zendesk, virtual time): the new tag goes on before the old one
 * comes off, so a failure half-way leaves both, and each record reports its own outcome.
 */
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { deltaOf, inverseDelta } from '../../src/domain/bulk/operation';
import { createPacer } from '../../src/domain/bulk/pacer';
import { applyRecordItems, findRecordsTagged, type RecordRunOptions } from '../../src/domain/bulk/recordRun';
import { createBulkApi } from '../../src/zendesk/bulkApi';
import { inProcessZafClient } from '../support/inProcessZaf';
import { VirtualTime } from '../support/virtualTime';

const T0 = Date.parse('2026-11-22T12:00:00Z');
const rename = { kind: 'rename', from: 'biling', to: 'billing' } as const;

function world(options: { taggingUsersOrgs?: boolean } = {}) {
  const vt = new VirtualTime();
  const zendesk = createZendesk({ now: () => T0 + vt.now, rateLimitPerMinute: 700, ...options });
  const api = createBulkApi(inProcessZafClient(zendesk, 'admin'));
  const run: RecordRunOptions = { backend: api, pacer: createPacer({ sleep: vt.sleep, now: () => vt.now }), sleep: vt.sleep };
  const go = async <T,>(p: Promise<T>) => {
    await vt.run();
    return p;
  };
  return { vt, zendesk, api, run, go };
}

describe('users and organizations', () => {
  it('renames on every user carrying the tag, one row each, and undo puts back exactly what changed', async () => {
    const w = world();
    const users = () => w.zendesk.control.snapshot().users as Record<number, { tags: string[] }>;
    const tagged = Object.entries(users()).filter(([, u]) => u.tags.includes('biling')).map(([id]) => Number(id));
    expect(tagged.length).toBeGreaterThan(5);
    const items = await w.go(findRecordsTagged('user', 'biling', deltaOf(rename), w.run));
    const rows = await w.go(applyRecordItems('user', items, w.run));
    expect(rows.map((r) => r.id).sort()).toEqual(tagged.sort());
    expect(rows.every((r) => r.status === 'updated' && r.kind === 'user')).toBe(true);
    for (const id of tagged) expect(users()[id]?.tags).toEqual(expect.arrayContaining(['billing']));
    for (const id of tagged) expect(users()[id]?.tags).not.toContain('biling');

    const undo = rows.map((r) => ({ id: r.id, delta: inverseDelta(r.change ?? { add: [], remove: [] }) }));
    await w.go(applyRecordItems('user', undo, w.run));
    for (const id of tagged) expect(users()[id]?.tags).toContain('biling');
    for (const id of tagged) expect(users()[id]?.tags).not.toContain('billing');
  });

  it('when the add goes through and the removal does not, the record keeps both tags', async () => {
    const w = world();
    const items = await w.go(findRecordsTagged('organization', 'biling', deltaOf(rename), w.run));
    const first = items[0];
    const client = w.api;
    const failingRemove = { ...client, removeTags: () => Promise.reject(Object.assign(new Error('refused'), { kind: 'forbidden' })) };
    const rows = await w.go(applyRecordItems('organization', [first!], { ...w.run, backend: failingRemove }));
    expect(rows[0]?.status).toBe('failed');
    expect(rows[0]?.message).toMatch(/the new tag was added; the old one is still there/);
    const org = (w.zendesk.control.snapshot().organizations as Record<number, { tags: string[] }>)[first?.id ?? 0];
    expect(org?.tags).toEqual(expect.arrayContaining(['biling', 'billing']));
  });

  it('with "Tags on users and organizations" off, every record fails with the reason and none changes', async () => {
    const w = world({ taggingUsersOrgs: false });
    expect(await w.go(w.api.ownerTaggingOn())).toBe(false);
    const items = await w.go(findRecordsTagged('user', 'biling', deltaOf(rename), w.run));
    const rows = await w.go(applyRecordItems('user', items, w.run));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'failed' && /TagsDisabled/.test(r.message))).toBe(true);
    w.zendesk.control.setTaggingUsersOrgs(true);
    expect(await w.go(w.api.ownerTaggingOn())).toBe(true);
  });
});
