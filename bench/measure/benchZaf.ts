/**
 * A ZafClient for in-process measurements: `request` goes to the local Zendesk through the
 * test suite's in-process adapter, `get`/`context` answer from the local Zendesk's current
 * records the way the agent's screen would (no HTTP, nothing logged), and `on`/`off` keep
 * handlers so a measurement can deliver host events.
 */
import type { ZafClient, ZafContext, ZafGetResult } from '../../src/zaf/client';
import { inProcessZafClient, type LocalZendesk } from '../../test/support/inProcessZaf';

export type Location = 'ticket_sidebar' | 'user_sidebar' | 'organization_sidebar';

export interface BenchZendesk extends LocalZendesk {
  control: {
    log(): { method: string; path: string; query: Record<string, string>; status: number; time: number; actor: string }[];
    clearLog(): void;
    snapshot(): { tickets: Record<number, any>; users: Record<number, any>; organizations: Record<number, any> };
  };
}

export interface BenchClient extends ZafClient {
  emit(event: string, data: unknown): void;
  /** The instance's iframe is gone (its tab was closed). */
  leave(): void;
}

export const SUBDOMAIN = 'tagwise-bench';

/**
 * One agent's session as ZAF relays it between app instances: `get('instances')` lists the
 * live ones, `instance(guid).trigger(event, data)` reaches another one's `on(event)` handlers
 * with a JSON copy, a moment later (postMessage is asynchronous).
 */
export interface BenchSession {
  join(guid: string, client: BenchClient): void;
  leave(guid: string): void;
  instances(): Record<string, { instanceGuid: string }>;
  deliver(guid: string, event: string, data: unknown): void;
  /** Messages relayed so far. */
  relayed(): number;
}

export function benchSession(): BenchSession {
  const live = new Map<string, BenchClient>();
  let relayed = 0;
  return {
    join: (guid, client) => void live.set(guid, client),
    leave: (guid) => void live.delete(guid),
    instances: () => Object.fromEntries([...live.keys()].map((g) => [g, { instanceGuid: g }])),
    deliver(guid, event, data) {
      const target = live.get(guid);
      if (!target) return;
      relayed++;
      const copy = data === undefined ? undefined : JSON.parse(JSON.stringify(data));
      void Promise.resolve().then(() => target.emit(event, copy));
    },
    relayed: () => relayed,
  };
}
let guids = 0;

function screenTree(zendesk: BenchZendesk, location: Location, id: number): Record<string, unknown> {
  const snap = zendesk.control.snapshot();
  const person = (u: any) =>
    u && {
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      tags: [...u.tags],
      organizations: u.organization_id && snap.organizations[u.organization_id] ? [org(snap.organizations[u.organization_id])] : [],
    };
  const org = (o: any) => o && { id: o.id, name: o.name, tags: [...o.tags] };
  const tree: Record<string, unknown> = {
    currentUser: { id: 1, name: 'Bench Agent', locale: 'en', role: 'admin' },
    currentAccount: { subdomain: SUBDOMAIN },
  };
  if (location === 'ticket_sidebar') {
    const t = snap.tickets[id];
    if (t) {
      tree.ticket = {
        id: t.id,
        status: t.status,
        tags: [...t.tags],
        updatedAt: t.updated_at,
        requester: person(snap.users[t.requester_id]),
        organization: t.organization_id ? org(snap.organizations[t.organization_id]) : null,
      };
    }
  } else if (location === 'user_sidebar') {
    tree.user = person(snap.users[id]);
  } else {
    tree.organization = org(snap.organizations[id]);
  }
  return tree;
}

function pick(tree: Record<string, unknown>, path: string): { ok: true; value: unknown } | { ok: false } {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in (node as object))) return { ok: false };
    node = (node as Record<string, unknown>)[part];
  }
  return { ok: true, value: node === undefined ? undefined : JSON.parse(JSON.stringify(node)) };
}

export function benchZafClient(zendesk: BenchZendesk, location: Location | 'background', id: number, actor = 'agent', session?: BenchSession): BenchClient {
  const transport = inProcessZafClient(zendesk, actor);
  const handlers = new Map<string, Set<(data: unknown) => void>>();
  const guid = `bench-instance-${++guids}`;
  const context: ZafContext = {
    product: 'support',
    location,
    ...(session ? { instanceGuid: guid } : {}),
    account: { subdomain: SUBDOMAIN },
    ...(location === 'ticket_sidebar' ? { ticketId: id } : location === 'user_sidebar' ? { userId: id } : { organizationId: id }),
  };
  const client: BenchClient = {
    request: (options) => transport.request(options),
    async get(paths) {
      const tree: Record<string, unknown> = location === 'background' ? {} : screenTree(zendesk, location, id);
      if (session) tree.instances = session.instances();
      const result: ZafGetResult = { errors: {} };
      for (const path of Array.isArray(paths) ? paths : [paths]) {
        const found = pick(tree, path);
        if (found.ok) result[path] = found.value;
        else (result.errors as Record<string, unknown>)[path] = { name: 'APIUnavailable', message: path };
      }
      return result;
    },
    set: async () => ({ errors: {} }),
    invoke: async () => undefined,
    context: async () => context,
    metadata: async () => ({ appId: 1, installationId: 1, name: 'Tagwise', version: 'bench', settings: {} }),
    on(event, handler) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler);
    },
    emit(event, data) {
      for (const handler of handlers.get(event) ?? []) handler(data);
    },
    trigger: () => undefined,
    instance: (target) => ({ trigger: (event, data) => session?.deliver(target, event, data) }),
    leave: () => session?.leave(guid),
  };
  session?.join(guid, client);
  return client;
}
