// @vitest-environment node
/**
 * Model-based property test of the sync engine: several agents and a background writer edit
 * one ticket through the local Zendesk (in-process, real API layer, virtual time), with
 * injected 409s, 429s, 500s and timeouts. After everything settles:
 *  (a) the server's tags are the sequential fold of the changes it applied, in its order;
 *  (b) no acknowledged intent is missing: for tags only one agent touches, the server holds
 *      that agent's last intent;
 *  (c) nothing that no one removed is gone;
 *  (d) every agent's screen shows exactly the server's tags, all saved.
 * Runs: TAGWISE_PROPERTY_RUNS (default 200); replay a failure with TAGWISE_PROPERTY_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { SEED_IDS } from '../../dev/zendesk/seed.mjs';
import type { RecordRef } from '../../src/domain/record';
import { createSyncEngine } from '../../src/domain/sync/engine';
import type { RecordSync } from '../../src/domain/sync/recordSync';
import { createZendeskApi } from '../../src/zendesk/api';
import { inProcessZafClient, type LocalZendesk } from '../support/inProcessZaf';
import { VirtualTime } from '../support/virtualTime';

const RUNS = Number(process.env.TAGWISE_PROPERTY_RUNS ?? 200);
const SEED = process.env.TAGWISE_PROPERTY_SEED ? Number(process.env.TAGWISE_PROPERTY_SEED) : Date.now() % 2 ** 31;
const ticket: RecordRef = { kind: 'ticket', id: SEED_IDS.openTicket };
const TAGS_PATH = `/api/v2/tickets/${ticket.id}/tags.json`;
const SHARED = ['s1', 's2', 's3'];
const privateTags = (agent: number) => [`a${agent}x`, `a${agent}y`, `a${agent}z`];
const BACKGROUND = ['bgx', 'bgy'];

type Action =
  | { type: 'agent'; agent: number; op: 'add' | 'remove'; tag: string }
  | { type: 'background'; op: 'add' | 'remove'; tag: string }
  | { type: 'fail'; spec: Record<string, unknown> }
  | { type: 'wait'; ms: number };

const failure = fc.oneof(
  fc.constant({ status: 409 }),
  fc.constant({ status: 409, body: { error: 'DatabaseConflict', description: 'Database conflict' } }),
  fc.integer({ min: 1, max: 30 }).map((retryAfter) => ({ status: 429, retryAfter })),
  fc.constant({ status: 500 }),
  fc.boolean().map((apply) => ({ kind: 'timeout', apply })),
  fc.constant({ status: 503, match: 'any' }),
);

function actions(agents: number) {
  const agentAction = fc
    .record({ agent: fc.nat({ max: agents - 1 }), op: fc.constantFrom('add' as const, 'remove' as const), shared: fc.boolean(), pick: fc.nat() })
    .map(({ agent, op, shared, pick }): Action => {
      const pool = shared ? SHARED : privateTags(agent);
      return { type: 'agent', agent, op, tag: pool[pick % pool.length]! };
    });
  const background = fc
    .record({ op: fc.constantFrom('add' as const, 'remove' as const), tag: fc.constantFrom(...SHARED, ...BACKGROUND) })
    .map((a): Action => ({ type: 'background', ...a }));
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: agentAction },
      { weight: 2, arbitrary: background },
      { weight: 2, arbitrary: failure.map((spec): Action => ({ type: 'fail', spec })) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 3000 }).map((ms): Action => ({ type: 'wait', ms })) },
    ),
    { minLength: 1, maxLength: 40 },
  );
}

function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function simulate(agentCount: number, script: Action[], randomSeed: number) {
  const time = new VirtualTime();
  const zendesk = createZendesk({ now: () => Date.UTC(2026, 10, 22, 12) + time.now });
  const local = zendesk as unknown as LocalZendesk;
  const initial: string[] = [...zendesk.control.snapshot().tickets[ticket.id].tags];
  const random = prng(randomSeed);
  const handles: RecordSync[] = [];
  for (let i = 0; i < agentCount; i++) {
    const engine = createSyncEngine({
      backend: createZendeskApi(inProcessZafClient(local, `agent${i}`)),
      sleep: time.sleep,
      random,
      account: 'local',
      onUnexpected: (error) => {
        throw error;
      },
      // Every other agent's screen shows the ticket's current updated_at (the app then skips
      // the stamp read after its own write), including stamps moved by others it has not read.
      ...(i % 2 === 1
        ? { screenStamp: async () => zendesk.control.snapshot().tickets[ticket.id].updated_at as string | undefined }
        : {}),
    });
    handles.push(engine.open(ticket));
  }
  await time.run(0);

  const lastIntent = new Map<string, 'add' | 'remove'>(); // `${agent}:${tag}`
  const removedBySomeone = new Set<string>();
  for (const action of script) {
    if (action.type === 'agent') {
      const handle = handles[action.agent]!;
      handle[action.op]([action.tag]);
      lastIntent.set(`${action.agent}:${action.tag}`, action.op);
      if (action.op === 'remove') removedBySomeone.add(action.tag);
    } else if (action.type === 'background') {
      if (action.op === 'remove') removedBySomeone.add(action.tag);
      // A trigger or integration: delta call, no safe update, may itself hit an injected failure.
      void local.handle({ method: action.op === 'add' ? 'PUT' : 'DELETE', path: TAGS_PATH, body: { tags: [action.tag] }, actor: 'trigger' });
    } else if (action.type === 'fail') {
      zendesk.control.failNext(action.spec);
    } else {
      await time.run(action.ms);
    }
    await time.drain();
  }

  // Settle: let every retry run; agents press "Retry" on anything marked not saved.
  for (let round = 0; round < 20; round++) {
    await time.run();
    const failed = handles.some((h) => h.getView().tags.some((t) => t.state === 'failed'));
    if (!failed && handles.every((h) => !h.getView().busy)) break;
    for (const h of handles) h.retry();
  }
  // Zendesk pushes ticket.updated to every open sidebar after a change: each reads once.
  for (const h of handles) void h.refresh();
  await time.run();

  const server: string[] = zendesk.control.snapshot().tickets[ticket.id].tags;
  return { server, initial, handles, history: zendesk.control.history(), lastIntent, removedBySomeone };
}

describe('sync convergence (model-based, local Zendesk in-process)', () => {
  it(`agents, a background writer and injected failures converge (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), actions(n), fc.nat())),
        async ([agentCount, script, randomSeed]) => {
          const { server, initial, handles, history, lastIntent, removedBySomeone } = await simulate(agentCount, script, randomSeed);

          // (a) the server's state is the fold of the changes it applied, in its order.
          let model = [...initial];
          for (const entry of history.filter((e) => e.kind === 'ticket' && e.record_id === ticket.id)) {
            model = [...model.filter((t) => !entry.removed.includes(t)), ...entry.added.filter((t) => !model.includes(t))];
          }
          expect(new Set(server)).toEqual(new Set(model));

          // (b) every agent's last intent on its own tags is on the server.
          for (const [key, op] of lastIntent) {
            const [agent, tag] = key.split(':') as [string, string];
            if (tag.startsWith(`a${agent}`)) expect(server.includes(tag), `${tag} after agent ${agent}'s ${op}`).toBe(op === 'add');
          }

          // (c) nothing that no one removed is gone.
          for (const tag of initial) if (!removedBySomeone.has(tag)) expect(server).toContain(tag);

          // (d) every screen equals the server, all saved, nothing rolled back.
          for (const handle of handles) {
            const view = handle.getView();
            expect(view.tags.map((t) => t.name)).toEqual(server);
            expect(view.tags.every((t) => t.state === 'saved')).toBe(true);
            expect(view.notices.filter((n) => n.kind === 'change' && n.status === 'refused')).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 240_000);
});
