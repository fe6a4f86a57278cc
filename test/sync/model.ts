/**
 * A harder world for the sync engine, and the oracle that judges a run of it.
 *
 * World: one record (a ticket, a user or an organization) in the local Zendesk, in-process and
 * on virtual time. Several agents each run Tagwise in their browser; agent 0 has two tabs on the
 * record, which share that browser's storage. Every request takes time to land and time to be
 * answered, so the agent can act (Undo, change of mind) while a write is in flight. Injected
 * failures include writes that land but whose answer is lost (timeout, 5xx, a malformed 200),
 * 409 storms past the retry bound and long 429s. A background writer sets the full tag list.
 * A tab can be reloaded mid-write: its page dies at once (no answer or timer reaches it again,
 * it writes no storage), requests it already sent still land, and a new instance opens.
 *
 * Oracle (over the server's trace of every request, in the order it processed them):
 *  - lost: a tag only one tab touches ends as that tab's last intent;
 *  - shared tags end as some actor's last intent; untouched tags never change;
 *  - overwrite / resurrection: every change a tab makes to a tag answers an intent of that tab
 *    not yet applied, except a repeat the tab could not know was needed (no answer it received
 *    since its earlier write showed the tag as it wanted it);
 *  - every screen converges: each open tab shows exactly the server's tags, all saved.
 */
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { SEED_IDS, createSeed } from '../../dev/zendesk/seed.mjs';
import type { RecordKind, RecordRef } from '../../src/domain/record';
import { createSyncEngine, type SyncEngineOptions } from '../../src/domain/sync/engine';
import type { KeyValueStore } from '../../src/domain/sync/persistence';
import type { RecordSync } from '../../src/domain/sync/recordSync';
import type { ZafClient, ZafRequestOptions, ZafResponse } from '../../src/zaf/client';
import { createZendeskApi } from '../../src/zendesk/api';
import { VirtualTime } from '../support/virtualTime';

export type Op = 'add' | 'remove';
export type FailSpec = Record<string, unknown>;

export type Action =
  | { type: 'edit'; tab: number; op: Op; tag: string }
  | { type: 'undo'; tab: number }
  | { type: 'retry'; tab: number }
  /** page: the page reloads (pagehide, a new instance); crash: the frame dies without pagehide and comes back with its guid. */
  | { type: 'reload'; tab: number; crash?: boolean }
  | { type: 'refresh'; tab: number }
  | { type: 'background'; op: Op; tag: string }
  | { type: 'fail'; spec: FailSpec }
  | { type: 'offline'; ms: number }
  | { type: 'wait'; ms: number };

export interface Scenario {
  readonly kind: RecordKind;
  /** Agents; agent 0 has tabs 0 and 1, agent n >= 1 has tab n + 1. */
  readonly agents: number;
  readonly script: readonly Action[];
  readonly seed: number;
}

export const SHARED = ['s1', 's2', 's3'];
export const BACKGROUND = ['bgx', 'bgy'];
export const privateTags = (tab: number) => [`t${tab}a`, `t${tab}b`, `t${tab}c`];
export const tabCount = (agents: number) => agents + 1;
export const agentOfTab = (tab: number) => (tab <= 1 ? 0 : tab - 1);

const REFS: Record<RecordKind, RecordRef> = {
  ticket: { kind: 'ticket', id: SEED_IDS.openTicket },
  user: { kind: 'user', id: SEED_IDS.endUser },
  organization: { kind: 'organization', id: SEED_IDS.organization },
};
const COLLECTION: Record<RecordKind, 'tickets' | 'users' | 'organizations'> = { ticket: 'tickets', user: 'users', organization: 'organizations' };
const ZAF_TIMEOUT_MS = 20_000;

export function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One request as the server processed it. */
interface Processed {
  readonly seq: number;
  readonly tab: number | 'bg';
  readonly incarnation: string;
  readonly method: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The answer reached the page and told it the record's tags. */
  informed: boolean;
  informedAt: number;
  readonly sentAt: number;
  /** A write whose answer does not tell whether it landed (lost, 5xx, a 2xx that is not the record's tags). */
  unknown?: boolean;
}

interface IntentMark {
  readonly at: number;
  readonly op: Op;
}

interface Tab {
  readonly index: number;
  incarnation: string;
  /** The engine's instance id: a frame that comes back after a crash keeps its guid. */
  instanceId: string;
  handle: RecordSync;
  alive: { dead: boolean };
  readonly store: KeyValueStore;
}

export interface RunResult {
  readonly violations: string[];
  readonly server: readonly string[];
  readonly requests: number;
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    keys: () => [...data.keys()],
  } as KeyValueStore & { data: Map<string, string> };
}

/** A page's view of its browser's storage: a dead page writes nothing more. */
function pageStore(store: KeyValueStore, alive: { dead: boolean }): KeyValueStore {
  const page: KeyValueStore & { keys?: () => string[] } = {
    getItem: (k) => store.getItem(k),
    setItem: (k, v) => {
      if (!alive.dead) store.setItem(k, v);
    },
    removeItem: (k) => {
      if (!alive.dead) store.removeItem(k);
    },
  };
  const keys = (store as { keys?: () => string[] }).keys;
  if (keys) page.keys = keys;
  return page;
}

const never = <T>() => new Promise<T>(() => undefined);

export async function runScenario(scenario: Scenario, options: { engine?: Partial<SyncEngineOptions>; debug?: (...args: unknown[]) => void } = {}): Promise<RunResult> {
  const time = new VirtualTime();
  // The sync model needs only the first records: the 10,000 bulk tickets would only slow each check.
  const zendesk = createZendesk({ seed: createSeed({ bulk: false }), now: () => Date.UTC(2026, 10, 22, 12) + time.now });
  const ref = REFS[scenario.kind];
  const tagsPath = `/api/v2/${COLLECTION[ref.kind]}/${ref.id}/tags.json`;
  const random = prng(scenario.seed);
  const serverTags = (): string[] => [...zendesk.control.snapshot()[COLLECTION[ref.kind]][ref.id].tags];
  const tabs = tabCount(scenario.agents);

  // Some of every tab's own tags and one shared tag are on the record before anyone starts.
  zendesk.control.act({ kind: ref.kind, id: ref.id, add: [...Array.from({ length: tabs }, (_, t) => privateTags(t)[0]!), 's1'], actor: 'seed' });
  const initial = serverTags();

  let clock = 0;
  const tick = () => ++clock;
  const trace: Processed[] = [];
  const intents = new Map<string, IntentMark[]>(); // `${tab}|${tag}`
  const bgLast = new Map<string, Op>();
  let requests = 0;
  let liveInstances = new Set<string>();

  const note = (tab: number, tag: string, op: Op) => {
    const key = `${tab}|${tag}`;
    const list = intents.get(key) ?? [];
    list.push({ at: tick(), op });
    intents.set(key, list);
  };

  function clientFor(tab: number, incarnation: string, alive: { dead: boolean }): ZafClient {
    const unsupported = () => Promise.reject(new Error('not available in-process'));
    return {
      get: unsupported,
      set: unsupported,
      invoke: unsupported,
      context: unsupported,
      metadata: unsupported,
      on: () => undefined,
      off: () => undefined,
      trigger: () => undefined,
      instance: () => ({ trigger: () => undefined }),
      async request(req: ZafRequestOptions): Promise<ZafResponse> {
        if (alive.dead) return never();
        requests++;
        const sentAt = tick();
        const up = 5 + Math.floor(random() * 200);
        await time.sleep(up);
        const before = serverTags();
        const answer = await zendesk.handle({
          method: req.type ?? 'GET',
          path: req.url,
          ...(req.data === undefined ? {} : { body: JSON.parse(req.data) as unknown }),
          actor: `tab${tab}`,
        });
        const processed: Processed = {
          seq: tick(),
          tab,
          incarnation,
          method: req.type ?? 'GET',
          before,
          after: serverTags(),
          informed: false,
          informedAt: 0,
          sentAt,
        };
        trace.push(processed);
        if (processed.method !== 'GET') {
          const told = (answer.body as { tags?: unknown } | null)?.tags;
          const genuine = (processed.method === 'DELETE' && answer.status === 204) || (answer.status === 200 && JSON.stringify(told) === JSON.stringify(processed.after));
          processed.unknown = answer.dropped === true || answer.status >= 500 || (answer.status < 300 && !genuine);
        }
        options.debug?.(time.now, incarnation, processed.method, req.url, answer.status, answer.dropped ? 'dropped' : '');
        if (answer.dropped) {
          // Offline fails at once; a lost answer only when ZAF gives up waiting.
          await time.sleep(answer.reason === 'offline' ? 1 : ZAF_TIMEOUT_MS - up);
          if (alive.dead) return never();
          throw { status: 0, statusText: answer.reason === 'offline' ? 'error' : 'timeout', responseText: '' };
        }
        await time.sleep(5 + Math.floor(random() * 200));
        if (alive.dead) return never();
        const body = answer.body;
        const text = typeof body === 'string' ? body : body == null ? '' : JSON.stringify(body);
        const json = typeof body === 'object' && body !== null ? body : undefined;
        const shaped = { status: answer.status, responseText: text, responseJSON: json, headers: answer.headers };
        if (answer.status >= 200 && answer.status < 300) {
          // Only a genuine read of this record tells the page what the server holds.
          const record = (json as Record<string, { id?: unknown; tags?: unknown }> | undefined)?.[ref.kind];
          const genuine = processed.method === 'GET' && (ref.kind === 'ticket' ? record?.id === ref.id && Array.isArray(record?.tags) : Array.isArray((json as { tags?: unknown } | undefined)?.tags));
          const sameAsServer = genuine && JSON.stringify((ref.kind === 'ticket' ? record?.tags : (json as { tags: unknown }).tags)) === JSON.stringify(processed.after);
          if (sameAsServer) {
            processed.informed = true;
            processed.informedAt = tick();
          }
          return shaped;
        }
        throw { ...shaped, statusText: 'error' };
      },
    };
  }

  const browsers = Array.from({ length: scenario.agents }, () => memoryStore());
  let incarnations = 0;
  /** Pages that opened while their browser held stored intents for the record: they must read before writing. */
  const openedOverStored = new Set<string>();
  function open(index: number, sameInstance?: string): Tab {
    const alive = { dead: false };
    const incarnation = `tab${index}#${++incarnations}`;
    const instanceId = sameInstance ?? incarnation;
    // Entries this page takes over: its own (a frame back after a crash) or ones marked as left.
    const browser = browsers[agentOfTab(index)]!;
    const adoptable = [...browser.data.entries()].some(
      ([k, v]) => k.includes(`:${ref.kind}:${ref.id}:`) && (k.endsWith(`:${instanceId}`) || v.includes('"left":true')),
    );
    if (adoptable) openedOverStored.add(incarnation);
    liveInstances.add(instanceId);
    const store = browsers[agentOfTab(index)]!;
    const engine = createSyncEngine({
      backend: createZendeskApi(clientFor(index, incarnation, alive)),
      store: pageStore(store, alive),
      account: 'local',
      sleep: (ms) => (alive.dead ? never() : time.sleep(ms).then(() => (alive.dead ? never<void>() : undefined))),
      random,
      onUnexpected: (error) => {
        throw error;
      },
      // Every other tab's screen shows the ticket's current updated_at.
      ...(index % 2 === 1 && ref.kind === 'ticket'
        ? { screenStamp: async () => zendesk.control.snapshot().tickets[ref.id].updated_at as string | undefined }
        : {}),
      now: () => time.now,
      instanceId,
      liveInstances: async () => new Set(liveInstances),
      ...options.engine,
    });
    // Half the tabs start from what the agent's screen shows (not trusted, but shown at once).
    const screen = index % 2 === 0 ? zendesk.control.snapshot()[COLLECTION[ref.kind]][ref.id] : undefined;
    const initial = screen ? { tags: [...(screen.tags as string[])], provisional: true, ...(ref.kind === 'ticket' ? { stamp: screen.updated_at as string } : {}) } : undefined;
    return { index, incarnation, instanceId, handle: engine.open(ref, initial), alive, store };
  }

  const open_: Tab[] = Array.from({ length: tabs }, (_, i) => open(i));
  await time.run(0);

  for (const action of scenario.script) {
    switch (action.type) {
      case 'edit': {
        // The panel offers no tags to change before it has shown them.
        if (open_[action.tab]!.handle.getView().phase !== 'ready') break;
        // The intent is noted first: the engine may send it before add() returns.
        note(action.tab, action.tag, action.op);
        open_[action.tab]!.handle[action.op]([action.tag]);
        break;
      }
      case 'undo': {
        const tab = open_[action.tab]!;
        // Undo is offered once Zendesk confirmed the change (and not for an Undo itself).
        const changes = tab.handle.getView().notices.filter((n) => n.kind === 'change' && n.status === 'done' && !n.change.undoes);
        const last = changes.at(-1);
        if (last?.kind === 'change') {
          for (const tag of last.change.tags) note(action.tab, tag, last.change.op === 'add' ? 'remove' : 'add');
          tab.handle.undo(last.change.id);
        }
        break;
      }
      case 'retry':
        open_[action.tab]!.handle.retry();
        break;
      case 'refresh':
        void open_[action.tab]!.handle.refresh();
        break;
      case 'reload': {
        const old = open_[action.tab]!;
        if (!action.crash) old.handle.pagehide?.();
        old.alive.dead = true;
        liveInstances.delete(old.instanceId);
        liveInstances = new Set(liveInstances);
        old.handle.close();
        // The new page loads after what the old one had sent has reached the server (a request
        // on its way when a page dies still lands; one not yet sent never does).
        await time.run(250 + Math.floor(random() * 1500));
        open_[action.tab] = open(action.tab, action.crash ? old.instanceId : undefined);
        break;
      }
      case 'background': {
        // A trigger or integration that sets the whole list: it reads and writes in one step.
        const now = serverTags();
        const set = action.op === 'add' ? [...now.filter((t) => t !== action.tag), action.tag] : now.filter((t) => t !== action.tag);
        const before = now;
        zendesk.control.act({ kind: ref.kind, id: ref.id, set, actor: 'background' });
        bgLast.set(action.tag, action.op);
        trace.push({ seq: tick(), tab: 'bg', incarnation: 'bg', method: 'POST', before, after: serverTags(), informed: false, informedAt: 0, sentAt: 0 });
        break;
      }
      case 'fail':
        zendesk.control.failNext(action.spec);
        break;
      case 'offline':
        zendesk.control.setOffline(true);
        await time.run(action.ms);
        zendesk.control.setOffline(false);
        for (const tab of open_) tab.handle.online?.();
        break;
      case 'wait':
        await time.run(action.ms);
        break;
    }
    await time.drain();
  }

  // The world heals: no more injected failures. Let every retry run; agents press Retry on
  // anything marked not saved; then every screen reads once (Zendesk's ticket.updated push).
  zendesk.control.clearFailures();
  zendesk.control.setOffline(false);
  for (let round = 0; round < 12; round++) {
    await time.run(3_600_000);
    // Retry first, as an agent would, then the screens refresh (Zendesk's ticket.updated).
    for (const tab of open_) tab.handle.retry();
    await time.run(3_600_000);
    for (const tab of open_) void tab.handle.refresh();
    await time.run(3_600_000);
    const handles = open_.map((t) => t.handle);
    const failed = handles.some((h) => h.getView().tags.some((t) => t.state === 'failed'));
    if (!failed && handles.every((h) => !h.getView().busy)) break;
  }

  const server = serverTags();
  const violations = judge({ initial, server, trace, intents, bgLast, tabs, open: open_ });
  // A page that found stored intents reads the record before its first write.
  for (const incarnation of openedOverStored) {
    const first = trace.find((e) => e.incarnation === incarnation);
    const firstWrite = trace.find((e) => e.incarnation === incarnation && e.method !== 'GET');
    const firstRead = trace.find((e) => e.incarnation === incarnation && e.method === 'GET' && e.informed);
    if (first && firstWrite && (!firstRead || firstRead.seq > firstWrite.seq)) violations.push(`blind: ${incarnation} replayed stored intents without reading first`);
  }
  return { violations, server, requests };
}

function judge(world: {
  initial: readonly string[];
  server: readonly string[];
  trace: readonly Processed[];
  intents: ReadonlyMap<string, IntentMark[]>;
  bgLast: ReadonlyMap<string, Op>;
  tabs: number;
  open: readonly Tab[];
}): string[] {
  const { initial, server, trace, intents, bgLast, tabs } = world;
  const out: string[] = [];
  const has = new Set(server);
  const lastOf = (tab: number, tag: string) => intents.get(`${tab}|${tag}`)?.at(-1)?.op;

  // Acknowledged intents on tags only one tab touches.
  for (let tab = 0; tab < tabs; tab++) {
    for (const tag of privateTags(tab)) {
      const last = lastOf(tab, tag);
      const want = last === undefined ? initial.includes(tag) : last === 'add';
      if (has.has(tag) !== want) out.push(`lost: tab ${tab}'s ${last ?? 'untouched'} ${tag}`);
    }
  }
  // Shared tags end as somebody's last intent.
  for (const tag of [...SHARED, ...BACKGROUND]) {
    const lasts = new Set<Op>();
    for (let tab = 0; tab < tabs; tab++) {
      const last = lastOf(tab, tag);
      if (last) lasts.add(last);
    }
    const bg = bgLast.get(tag);
    if (bg) lasts.add(bg);
    const now: Op = has.has(tag) ? 'add' : 'remove';
    if (lasts.size === 0 ? has.has(tag) !== initial.includes(tag) : !lasts.has(now)) out.push(`lost: shared ${tag} ended ${now === 'add' ? 'present' : 'absent'}`);
  }
  // Nothing anyone left alone changed.
  const touched = new Set([...SHARED, ...BACKGROUND, ...Array.from({ length: tabs }, (_, t) => privateTags(t)).flat()]);
  for (const entry of trace) {
    const moved = [...entry.before.filter((t) => !entry.after.includes(t)), ...entry.after.filter((t) => !entry.before.includes(t))];
    for (const tag of moved) if (!touched.has(tag)) out.push(`untouched tag ${tag} changed by ${entry.tab}`);
  }

  // Every change a tab made answers one of its intents, or is a repeat it could not know was needed.
  for (let tab = 0; tab < tabs; tab++) {
    const changes = new Map<string, { entry: Processed; op: Op }[]>();
    for (const entry of trace) {
      if (entry.tab !== tab) continue;
      for (const tag of entry.after) if (!entry.before.includes(tag)) changes.set(tag, [...(changes.get(tag) ?? []), { entry, op: 'add' }]);
      for (const tag of entry.before) if (!entry.after.includes(tag)) changes.set(tag, [...(changes.get(tag) ?? []), { entry, op: 'remove' }]);
    }
    for (const [tag, list] of changes) {
      const mine = intents.get(`${tab}|${tag}`) ?? [];
      let next = 0;
      let previous: Processed | undefined;
      for (const { entry, op } of list) {
        let matched = -1;
        for (let i = next; i < mine.length; i++) {
          if (mine[i]!.op === op && mine[i]!.at < entry.sentAt) {
            matched = i;
            break;
          }
        }
        if (matched >= 0) {
          next = matched + 1;
        } else {
          const what = op === 'add' ? 'resurrected' : 'removed again';
          if (!previous) out.push(`unintended: tab ${tab} ${op === 'add' ? 'added' : 'removed'} ${tag}, which it never meant to`);
          else {
            const knew = trace.some(
              (r) =>
                r.incarnation === entry.incarnation &&
                r.informed &&
                r.seq > previous!.seq &&
                r.informedAt < entry.sentAt &&
                r.after.includes(tag) === (op === 'add'),
            );
            if (knew) out.push(`overwrite: tab ${tab} ${what} ${tag} after it had seen its change applied`);
          }
        }
        previous = entry;
      }
    }
  }

  // After a write whose outcome is unknown, the next request of that page is a read.
  const lastUnknown = new Map<string, Processed>();
  for (const entry of trace) {
    if (entry.tab === 'bg') continue;
    const before = lastUnknown.get(entry.incarnation);
    if (before && entry.method !== 'GET') out.push(`blind: tab ${entry.tab} wrote again after an unknown outcome without reading`);
    if (entry.unknown) lastUnknown.set(entry.incarnation, entry);
    else lastUnknown.delete(entry.incarnation);
  }

  // Every screen converges on the server, all saved.
  for (const tab of world.open) {
    const view = tab.handle.getView();
    const names = view.tags.map((t) => t.name);
    if (JSON.stringify(names) !== JSON.stringify(server)) out.push(`screen: tab ${tab.index} shows [${names.join(' ')}], server [${server.join(' ')}]`);
    const unsaved = view.tags.filter((t) => t.state !== 'saved');
    if (unsaved.length) out.push(`screen: tab ${tab.index} still shows ${unsaved.map((t) => `${t.name}:${t.state}`).join(' ')}`);
  }
  return out;
}

/** The kind of a violation, for counting runs by what went wrong. */
export function category(violation: string): string {
  return violation.split(':')[0]!;
}
