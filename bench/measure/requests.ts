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
import type { KeyValueStore } from '../../src/domain/sync/persistence';
import { VirtualTime } from '../../test/support/virtualTime';
import { benchZafClient, SUBDOMAIN, type BenchZendesk, type Location } from './benchZaf';

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

export const SEED = SEED_IDS;
