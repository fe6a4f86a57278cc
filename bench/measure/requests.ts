/**
 * Request counts, measured in-process and deterministically: the app's own sync engine, API
 * layer and sidebar start-up code run against the local Zendesk with virtual time, and the
 * local Zendesk's request log is counted. No browser, no real timers.
 */
import { createZendesk, type ZendeskOptions } from '../../dev/zendesk/store.mjs';
import { SEED_IDS } from '../../dev/zendesk/seed.mjs';
import { readSidebarData } from '../../src/app/sidebarData';
import { applyAccess } from '../../src/app/access';
import { followLiveUpdates } from '../../src/app/liveUpdates';
import { screenStampOf } from '../../src/app/screenStamp';
import { createSyncEngine } from '../../src/domain/sync/engine';
import type { RecordSync } from '../../src/domain/sync/recordSync';
import { cachedPerAccount } from '../../src/zendesk/accountCache';
import { createZendeskApi } from '../../src/zendesk/api';
import { createRateBudget } from '../../src/zendesk/rateBudget';
import type { KeyValueStore } from '../../src/domain/sync/persistence';
import { VirtualTime } from '../../test/support/virtualTime';
import { createAccountPeers } from '../../src/app/accountPeers';
import { createAppServices } from '../../src/app/services';
import { benchSession, benchZafClient, SUBDOMAIN, type BenchZendesk, type Location } from './benchZaf';

/** A fixed wall-clock origin so stamps and cache ages are the same on every run. */
const T0 = Date.parse('2026-11-22T12:00:00Z');

export interface Count {
  requests: number;
  reads: number;
  writes: number;
  /** "GET /api/v2/tickets/1.json" … in order. */
  calls: string[];
}

function count(zendesk: BenchZendesk): Count {
  const log = zendesk.control.log();
  const calls = log.map((e) => `${e.method} ${e.path}${Object.keys(e.query).length ? '?' + new URLSearchParams(e.query).toString() : ''}`);
  const writes = log.filter((e) => e.method !== 'GET').length;
  return { requests: log.length, reads: log.length - writes, writes, calls };
}

export function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

interface World {
  vt: VirtualTime;
  zendesk: BenchZendesk;
}

function world(options: Partial<ZendeskOptions> = {}): World {
  const vt = new VirtualTime();
  const zendesk = createZendesk({ now: () => T0 + vt.now, ...options }) as unknown as BenchZendesk;
  return { vt, zendesk };
}

/**
 * What a sidebar does when it opens, minus React: one `client.get` for what the screen knows,
 * the sync engine opens the records the sidebar shows (ticket: the ticket and its requester),
 * live updates are followed. Then ten virtual minutes pass with nothing done.
 */
async function openSidebar(w: World, location: Location, id: number) {
  const client = benchZafClient(w.zendesk, location, id);
  const api = createZendeskApi(client);
  const store = memoryStore();
  const engine = createSyncEngine({ backend: api, store, account: SUBDOMAIN, sleep: w.vt.sleep, random: () => 0.5, screenStamp: screenStampOf(client) });
  const data = await readSidebarData(client, location);
  const primary = engine.open(data.primary.ref, data.primary.initial);
  const handles: RecordSync[] = [primary];
  if (location === 'ticket_sidebar' && data.requester) handles.push(engine.open(data.requester.ref, data.requester.initial));
  followLiveUpdates(client, location, primary);
  // Whether user and organization tags may be changed, known before any write (one cached request).
  const userTagging = cachedPerAccount('user-tagging', async () => (await api.userTaggingEnabled()) ?? null, store, SUBDOMAIN);
  applyAccess(client, userTagging, () => handles.map((handle) => ({ handle })), data.agentRole);
  await settle(w, handles);
  return { client, api, engine, primary, handles };
}

async function settle(w: World, handles: RecordSync[], ms = 10 * 60_000): Promise<void> {
  await w.vt.run(ms);
  await Promise.all(handles.map((h) => h.idle()));
  await w.vt.drain();
}

export async function measureOpen(location: Location, id: number): Promise<Count> {
  const w = world();
  await openSidebar(w, location, id);
  return count(w.zendesk);
}

/** One add (a new tag) or one remove (a tag the record has) right after the sidebar opened. */
export async function measureOneEdit(op: 'add' | 'remove', kind: 'ticket' | 'user' = 'ticket'): Promise<Count> {
  const w = world();
  const location: Location = kind === 'ticket' ? 'ticket_sidebar' : 'user_sidebar';
  const id = kind === 'ticket' ? SEED_IDS.openTicket : SEED_IDS.endUser;
  const { primary, handles } = await openSidebar(w, location, id);
  w.zendesk.control.clearLog();
  if (op === 'add') primary.add(['bench_added']);
  else primary.remove([primary.getView().tags[0]!.name]);
  await settle(w, handles);
  return count(w.zendesk);
}

/** `n` edits spread evenly over `spanMs` on one ticket (adds of new tags, or mixed). */
export async function measureBurst(n = 10, spanMs = 1000, mixed = false): Promise<Count> {
  const w = world();
  const { primary, handles } = await openSidebar(w, 'ticket_sidebar', SEED_IDS.manyTagsTicket);
  w.zendesk.control.clearLog();
  const existing = primary.getView().tags.map((t) => t.name);
  for (let i = 0; i < n; i++) {
    if (mixed && i % 2 === 1 && existing.length > 0) primary.remove([existing.shift()!]);
    else primary.add([`bench_burst_${i}`]);
    await w.vt.run(spanMs / n);
  }
  await settle(w, handles);
  return count(w.zendesk);
}

/**
 * The simulation's ticket: the agent opens it, adds a tag, and half a minute later removes
 * another one. Counts everything from the opening on (the opening included).
 */
export async function measureTicketVisit(gapMs = 30_000): Promise<Count> {
  const w = world();
  const { primary, handles } = await openSidebar(w, 'ticket_sidebar', SEED_IDS.openTicket);
  primary.add(['bench_visit']);
  await w.vt.run(gapMs);
  primary.remove([primary.getView().tags[0]!.name]);
  await settle(w, handles);
  return count(w.zendesk);
}

/**
 * Popular tags across `openings` sidebar openings spread over `spanMs`: each opening is a
 * new app instance (a new iframe: new API and cache objects) in the same browser (one
 * localStorage), and each one asks for popular tags, as when the agent types in every one.
 * The cache is the one services.ts builds: cachedPerAccount('popular-tags', api.popularTags, store, account).
 */
export async function measurePopularTags(openings = 20, spanMs = 10 * 60_000): Promise<Count> {
  const w = world();
  const store = memoryStore();
  for (let i = 0; i < openings; i++) {
    const client = benchZafClient(w.zendesk, 'ticket_sidebar', SEED_IDS.openTicket);
    const api = createZendeskApi(client);
    const popular = cachedPerAccount('popular-tags', () => api.popularTags(), store, SUBDOMAIN, () => T0 + w.vt.now);
    await popular();
    await w.vt.run(spanMs / openings);
  }
  return count(w.zendesk);
}

export interface SessionCount extends Count {
  popular: number;
  fields: number;
  settings: number;
  autocomplete: number;
  /** Autocomplete requests of the openings after the first (the session's cache is warm). */
  warmAutocomplete: number;
  /** Messages ZAF relayed between the instances. */
  relayed: number;
}

const kindOf = (call: string) =>
  /\/api\/v2\/tags\.json/.test(call) ? 'popular' : call.includes('/ticket_fields') ? 'fields' : call.includes('/account/settings') ? 'settings' : call.includes('/autocomplete/') ? 'autocomplete' : 'other';

/**
 * One agent's session: a background instance (loaded once, as ZAF loads a `background`
 * location) and `openings` ticket sidebars spread over `spanMs`, each a new instance whose
 * tab closes when the next one opens. Each asks what a sidebar asks of the account: ticket
 * fields (after the tags paint), popular tags and the autocomplete of `word` (when the agent
 * types it). Storage is refused, the default for the app frame in this Chromium, or one
 * shared localStorage; the instances share through ZAF either way (src/app/accountPeers).
 */
export async function measureSession(openings = 20, spanMs = 10 * 60_000, storage = false, word = 'onboarding'): Promise<SessionCount> {
  const w = world();
  const session = benchSession();
  const now = () => T0 + w.vt.now;
  const store = storage ? memoryStore() : undefined;
  const background = benchZafClient(w.zendesk, 'background', 0, 'agent', session);
  createAccountPeers(background, { now, sleep: w.vt.sleep });
  let warmFrom = 0;
  for (let i = 0; i < openings; i++) {
    if (i === 1) warmFrom = w.zendesk.control.log().length;
    const client = benchZafClient(w.zendesk, 'ticket_sidebar', SEED_IDS.openTicket, 'agent', session);
    const services = createAppServices(client, SUBDOMAIN, { cacheStore: store, now, peers: createAccountPeers(client, { now, sleep: w.vt.sleep }) });
    await Promise.all([
      services.ticketFieldTags().catch(() => undefined),
      services.popularTags().catch(() => undefined),
      (async () => {
        for (let end = 2; end <= word.length; end++) await services.autocomplete(word.slice(0, end)).catch(() => undefined);
      })(),
    ]);
    await w.vt.run(spanMs / openings);
    client.leave();
  }
  const c = count(w.zendesk);
  const kinds = c.calls.map(kindOf);
  const warm = c.calls.slice(warmFrom).map(kindOf);
  return {
    ...c,
    popular: kinds.filter((k) => k === 'popular').length,
    fields: kinds.filter((k) => k === 'fields').length,
    settings: kinds.filter((k) => k === 'settings').length,
    autocomplete: kinds.filter((k) => k === 'autocomplete').length,
    warmAutocomplete: warm.filter((k) => k === 'autocomplete').length,
    relayed: session.relayed(),
  };
}

export interface BudgetCount {
  /** The agent's requests while under 20 % of the limit was left, by kind. */
  suggestions: number;
  refreshes: number;
  writes: number;
  /** The edits the server holds afterwards (both must be there). */
  saved: boolean;
  /** Reads once the window had reset: the held refresh, sent once. */
  afterReset: number;
  calls: string[];
}

/**
 * At 90 % of a 700/min account limit (another agent's 630 requests in the last minute): the
 * agent opens a ticket, types a tag, adds it, removes another, and Zendesk reports the ticket
 * updated twice. Suggestions and refreshes wait (nothing is asked), both saves go out; once the
 * minute has passed, the held refresh is sent, once.
 */
export async function measureAtBudget(share = 0.9, limit = 700): Promise<BudgetCount> {
  const w = world({ rateLimitPerMinute: limit });
  for (let i = 0; i < Math.round(limit * share); i++) await w.zendesk.handle({ method: 'GET', path: '/api/v2/tickets/2.json', actor: 'colleague' });
  const client = benchZafClient(w.zendesk, 'ticket_sidebar', SEED_IDS.openTicket);
  const now = () => T0 + w.vt.now;
  // The budget on the virtual clock: its reset wait is the local Zendesk's window.
  const schedule = (run: () => void, ms: number) => {
    let live = true;
    void w.vt.sleep(ms).then(() => live && run());
    return () => void (live = false);
  };
  const services = createAppServices(client, SUBDOMAIN, { cacheStore: undefined, now, rateBudget: createRateBudget(now, schedule) });
  const engine = createSyncEngine({ backend: services.api, account: SUBDOMAIN, sleep: w.vt.sleep, random: () => 0.5, screenStamp: screenStampOf(client) });
  const data = await readSidebarData(client, 'ticket_sidebar');
  const primary = engine.open(data.primary.ref, data.primary.initial);
  followLiveUpdates(client, 'ticket_sidebar', primary, { rateBudget: services.api.rateBudget });
  // The first save tells the app how much is left (the sidebar opened without a request).
  const removed = primary.getView().tags[0]!.name;
  primary.add(['budget_added']);
  await w.vt.run(1000);
  await primary.idle();
  for (let end = 2; end <= 'onboarding'.length; end++) await services.autocomplete('onboarding'.slice(0, end)).catch(() => undefined);
  await services.popularTags().catch(() => undefined);
  client.emit('ticket.updated', {});
  await w.vt.run(30_000);
  primary.remove([removed]);
  client.emit('ticket.updated', {});
  await w.vt.run(1000);
  await primary.idle();
  const during = w.zendesk.control.log().filter((e) => e.actor === 'agent');
  const mark = during.length;
  await w.vt.run(60_000);
  await primary.idle();
  await w.vt.drain();
  const all = w.zendesk.control.log().filter((e) => e.actor === 'agent');
  const tags = w.zendesk.control.snapshot().tickets[SEED_IDS.openTicket].tags as string[];
  const call = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
  return {
    suggestions: during.filter((e) => e.path.includes('/autocomplete/') || /\/api\/v2\/tags(\.json)?$/.test(e.path)).length,
    refreshes: during.filter((e) => e.method === 'GET' && /\/tickets\/\d+\.json$/.test(e.path)).length,
    writes: during.filter((e) => e.method !== 'GET').length,
    saved: tags.includes('budget_added') && !tags.includes(removed),
    afterReset: all.length - mark,
    calls: all.map(call),
  };
}

export const SEED = SEED_IDS;
