/**
 * TEST DOUBLE. A ZafClient that answers like Zendesk from an in-memory account, so UI
 * tests run the real Zendesk API module and the real sync engine below the SDK.
 * - get(): the agent's screen (ticket/user/organization data, currentUser.locale).
 * - request(): the REST endpoints Tagwise uses (tags, tickets, autocomplete, popular tags),
 *   with safe_update stamps, closed tickets, and failures queued on demand.
 */
import type { RecordKind } from '../../domain/record';
import type { ZafClient, ZafContext, ZafGetResult, ZafLocation, ZafRequestOptions, ZafResponse } from '../../zaf/client';

interface FakeRecord {
  tags: string[];
  version: number;
  closed: boolean;
  name?: string;
}

export interface FakeFailure {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Which requests it applies to (default: the next one). */
  readonly match?: (request: ZafRequestOptions) => boolean;
}

export interface HeldRequests {
  /** How many matching requests arrived (answered or not). */
  readonly count: number;
  readonly urls: readonly string[];
  /** Answer the n-th held request (0-based) now; by default the oldest still held. */
  release(index?: number): void;
  releaseAll(): void;
}

export interface FakeZafClientOptions {
  readonly location?: ZafLocation;
  readonly locale?: string;
  readonly subdomain?: string;
  readonly ticket?: {
    id: number;
    tags: string[];
    status?: string;
    requester?: { id: number; name?: string; tags: string[] };
    organization?: { id: number; name?: string; tags: string[] };
  };
  /** What /api/v2/ticket_fields answers (Zendesk's shape). */
  readonly ticketFields?: readonly unknown[];
  readonly user?: { id: number; name?: string; role?: string; tags: string[]; organization?: { id: number; name?: string; tags: string[] } };
  readonly organization?: { id: number; name?: string; tags: string[] };
  /** Every tag the account knows (autocomplete answers from it). */
  readonly vocabulary?: readonly string[];
  /** Most popular first. */
  readonly popular?: readonly { name: string; count: number }[];
  /** Whether DELETE answers 204 (documented) or 200 with the tags. */
  readonly deleteAnswers204?: boolean;
  /** "Tags on users and organizations" (default on). */
  readonly userTagging?: boolean;
  /** `currentUser.role` (default 'admin'). */
  readonly agentRole?: string;
  /** Make `get` for the agent's screen reject (e.g. to test start-up failures). */
  readonly failGet?: boolean;
  /** The installation settings `metadata()` gives (the admin's tag rules). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface FakeZafClient extends ZafClient {
  /** The account's "Tags on users and organizations" (account settings answer it). */
  setUserTagging(on: boolean): void;
  readonly requests: ZafRequestOptions[];
  /** Every `get` call's paths (what the app asked of the agent's screen). */
  readonly gets: string[][];
  readonly invocations: { name: string; args: unknown[] }[];
  /** Fail the next matching request with this HTTP status (queued in order). */
  failNext(failure: FakeFailure | number): void;
  /** Hold matching requests until released. */
  hold(match: (request: ZafRequestOptions) => boolean): HeldRequests;
  /** Someone else changes a record behind the app's back. */
  tagsOf(kind: RecordKind, id: number): string[];
  setTags(kind: RecordKind, id: number, tags: string[]): void;
  /** Someone closes the ticket. */
  closeTicket(id: number): void;
  /**
   * Someone sets another requester and/or organization on the ticket (the screen shows them
   * at once; emit the ZAF events yourself). `organization: null` removes it.
   */
  changeTicketOwners(owners: { requester?: { id: number; name?: string; tags: string[] }; organization?: { id: number; name?: string; tags: string[] } | null }): void;
  /** Deliver a ZAF event (e.g. "ticket.tags.changed"). */
  emit(event: string, data?: unknown): void;
  /** Requests whose URL contains `part`. */
  requestsTo(part: string, method?: string): ZafRequestOptions[];
}

const COLLECTIONS: Record<string, RecordKind> = { tickets: 'ticket', users: 'user', organizations: 'organization' };

function key(kind: RecordKind, id: number): string {
  return `${kind}:${id}`;
}

function stampOf(record: FakeRecord): string {
  return `2026-01-01T00:00:${String(record.version).padStart(2, '0')}Z`;
}

class HttpFailure {
  constructor(
    readonly status: number,
    readonly responseJSON?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
  get statusText(): string {
    return this.status === 0 ? 'error' : `HTTP ${this.status}`;
  }
  get responseText(): string {
    return this.responseJSON === undefined ? '' : typeof this.responseJSON === 'string' ? this.responseJSON : JSON.stringify(this.responseJSON);
  }
}

export function createFakeZafClient(options: FakeZafClientOptions = {}): FakeZafClient {
  let userTagging = options.userTagging ?? true;
  const records = new Map<string, FakeRecord>();
  const seed = (kind: RecordKind, id: number, tags: string[], extra: Partial<FakeRecord> = {}) =>
    records.set(key(kind, id), { tags: [...tags], version: 1, closed: false, ...extra });

  if (options.ticket) {
    seed('ticket', options.ticket.id, options.ticket.tags, { closed: options.ticket.status === 'closed' });
    const r = options.ticket.requester;
    if (r) seed('user', r.id, r.tags, r.name ? { name: r.name } : {});
    const o = options.ticket.organization;
    if (o) seed('organization', o.id, o.tags, o.name ? { name: o.name } : {});
  }
  if (options.user) seed('user', options.user.id, options.user.tags, options.user.name ? { name: options.user.name } : {});
  const userOrg = options.user?.organization;
  if (userOrg) seed('organization', userOrg.id, userOrg.tags, userOrg.name ? { name: userOrg.name } : {});
  let ticketRequester = options.ticket?.requester?.id;
  let ticketOrganization = options.ticket?.organization?.id;
  if (options.organization) seed('organization', options.organization.id, options.organization.tags, options.organization.name ? { name: options.organization.name } : {});

  const location: ZafLocation =
    options.location ?? (options.ticket ? 'ticket_sidebar' : options.user ? 'user_sidebar' : options.organization ? 'organization_sidebar' : 'ticket_sidebar');
  const failures: FakeFailure[] = [];
  const holds: { match: (r: ZafRequestOptions) => boolean; held: { url: string; resume: () => void; done: boolean }[]; count: number }[] = [];
  const handlers = new Map<string, Set<(data: unknown) => void>>();
  const requests: ZafRequestOptions[] = [];
  const gets: string[][] = [];
  const invocations: { name: string; args: unknown[] }[] = [];

  function record(kind: RecordKind, id: number): FakeRecord {
    const found = records.get(key(kind, id));
    if (!found) throw new HttpFailure(404, { error: 'RecordNotFound', description: 'Not found' });
    return found;
  }

  function screen(kind: RecordKind, id: number): Record<string, unknown> | undefined {
    const found = records.get(key(kind, id));
    return found ? { id, tags: [...found.tags], ...(found.name ? { name: found.name } : {}) } : undefined;
  }

  function bodyOf(request: ZafRequestOptions): { tags?: unknown; safe_update?: unknown; updated_stamp?: unknown } {
    try {
      return request.data ? (JSON.parse(request.data) as Record<string, unknown>) : {};
    } catch {
      throw new HttpFailure(400, { error: 'InvalidJSON' });
    }
  }

  function answer(request: ZafRequestOptions): ZafResponse {
    const url = new URL(request.url, 'https://fake.zendesk.com');
    const method = request.type ?? 'GET';
    const path = url.pathname.replace(/\.json$/, '');
    if (path === '/api/v2/autocomplete/tags') {
      const name = (url.searchParams.get('name') ?? '').toLowerCase();
      if (name.length < 2) throw new HttpFailure(400, { error: 'InvalidValue' });
      return { status: 200, responseJSON: { tags: (options.vocabulary ?? []).filter((t) => t.startsWith(name)), next_page: null } };
    }
    if (path === '/api/v2/ticket_fields') {
      return { status: 200, responseJSON: { ticket_fields: options.ticketFields ?? [] } };
    }
    if (path === '/api/v2/account/settings') {
      return { status: 200, responseJSON: { settings: { user: { tagging: userTagging } } } };
    }
    if (path === '/api/v2/tags') {
      return { status: 200, responseJSON: { tags: options.popular ?? [], count: (options.popular ?? []).length, next_page: null } };
    }
    const tagsMatch = /^\/api\/v2\/(tickets|users|organizations)\/(\d+)\/tags$/.exec(path);
    const recordMatch = /^\/api\/v2\/(tickets|users|organizations)\/(\d+)$/.exec(path);
    if (recordMatch && method === 'GET') {
      const kind = COLLECTIONS[recordMatch[1]!]!;
      const id = Number(recordMatch[2]);
      const r = record(kind, id);
      const body = { id, tags: [...r.tags], updated_at: stampOf(r), ...(kind === 'ticket' ? { status: r.closed ? 'closed' : 'open' } : {}) };
      return { status: 200, responseJSON: { [kind]: body } };
    }
    if (!tagsMatch) throw new HttpFailure(404, { error: 'InvalidEndpoint' });
    const kind = COLLECTIONS[tagsMatch[1]!]!;
    const r = record(kind, Number(tagsMatch[2]));
    if (method === 'GET') return { status: 200, responseJSON: { tags: [...r.tags] } };
    const body = bodyOf(request);
    const tags = Array.isArray(body.tags) ? body.tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()) : [];
    if (kind === 'ticket' && r.closed) {
      throw new HttpFailure(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { status: [{ description: 'Status: closed prevents ticket update' }] } });
    }
    if (kind === 'ticket' && String(body.safe_update) === 'true' && body.updated_stamp !== stampOf(r)) {
      throw new HttpFailure(409, { error: 'UpdateConflict', description: 'Safe Update prevented the update due to outdated ticket data.' });
    }
    if (method === 'PUT') {
      const before = r.tags.length;
      for (const tag of tags) if (!r.tags.includes(tag)) r.tags.push(tag);
      if (r.tags.length !== before) r.version += 1;
      return { status: 200, responseJSON: { tags: [...r.tags] } };
    }
    if (method === 'DELETE') {
      const before = r.tags.length;
      r.tags = r.tags.filter((t) => !tags.includes(t));
      if (r.tags.length !== before) r.version += 1;
      return options.deleteAnswers204 === false ? { status: 200, responseJSON: { tags: [...r.tags] } } : { status: 204 };
    }
    if (method === 'POST') {
      r.tags = [...new Set(tags)];
      r.version += 1;
      return { status: 201, responseJSON: { tags: [...r.tags] } };
    }
    throw new HttpFailure(405, { error: 'MethodNotAllowed' });
  }

  const client: FakeZafClient = {
    requests,
    gets,
    invocations,
    // Alone in its session: no other instance to share with.
    trigger: () => undefined,
    instance: () => ({ trigger: () => undefined }),

    async get(paths) {
      if (options.failGet) throw new Error('get failed');
      const list = Array.isArray(paths) ? paths : [paths];
      gets.push([...list]);
      const result: ZafGetResult = {};
      const t = options.ticket ? records.get(key('ticket', options.ticket.id)) : undefined;
      for (const p of list) {
        switch (p) {
          case 'currentUser.locale':
            result[p] = options.locale ?? 'en-US';
            break;
          case 'currentUser.role':
            result[p] = options.agentRole ?? 'admin';
            break;
          case 'user.role':
            result[p] = options.user ? (options.user.role ?? 'end-user') : undefined;
            break;
          case 'ticket.id':
            result[p] = options.ticket?.id;
            break;
          case 'ticket.tags':
            result[p] = t ? [...t.tags] : undefined;
            break;
          case 'ticket.updatedAt':
            result[p] = t ? stampOf(t) : undefined;
            break;
          case 'ticket.status':
            result[p] = t ? (t.closed ? 'closed' : options.ticket?.status ?? 'open') : undefined;
            break;
          case 'ticket.requester':
            result[p] = ticketRequester !== undefined ? screen('user', ticketRequester) : undefined;
            break;
          case 'ticket.organization':
            result[p] = ticketOrganization !== undefined ? screen('organization', ticketOrganization) : null;
            break;
          case 'user.id':
          case 'user.tags':
          case 'user.name': {
            const u = options.user ? screen('user', options.user.id) : undefined;
            result[p] = u?.[p.slice(5)];
            break;
          }
          case 'user.organizations':
            result[p] = userOrg ? [screen('organization', userOrg.id)] : [];
            break;
          case 'organization.id':
          case 'organization.tags':
          case 'organization.name': {
            const o = options.organization ? screen('organization', options.organization.id) : undefined;
            result[p] = o?.[p.slice(13)];
            break;
          }
          default:
            result[p] = undefined;
        }
      }
      return result;
    },

    async set() {
      return {};
    },

    async invoke(name, ...args) {
      invocations.push({ name, args });
      return {};
    },

    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
    },

    off(event, handler) {
      handlers.get(event)?.delete(handler);
    },

    async request(request) {
      requests.push(request);
      const hold = holds.find((h) => h.match(request));
      if (hold) {
        hold.count += 1;
        await new Promise<void>((resume) => hold.held.push({ url: request.url, resume, done: false }));
      }
      const failureIndex = failures.findIndex((f) => !f.match || f.match(request));
      if (failureIndex >= 0) {
        const [failure] = failures.splice(failureIndex, 1);
        throw new HttpFailure(failure!.status, failure!.body, failure!.headers);
      }
      return answer(request);
    },

    async context(): Promise<ZafContext> {
      return {
        product: 'support',
        location,
        instanceGuid: 'fake-instance',
        account: { subdomain: options.subdomain ?? 'acme' },
        ...(options.ticket ? { ticketId: options.ticket.id } : {}),
      };
    },

    async metadata() {
      return { appId: 1, installationId: 1, name: 'Tagwise', version: '1.0.0', settings: { ...(options.settings ?? {}) } };
    },

    setUserTagging(on) {
      userTagging = on;
    },

    failNext(failure) {
      failures.push(typeof failure === 'number' ? { status: failure } : failure);
    },

    hold(match) {
      const entry = { match, held: [] as { url: string; resume: () => void; done: boolean }[], count: 0 };
      holds.push(entry);
      return {
        get count() {
          return entry.count;
        },
        get urls() {
          return entry.held.map((h) => h.url);
        },
        release(index) {
          const item = index === undefined ? entry.held.find((h) => !h.done) : entry.held[index];
          if (!item || item.done) throw new Error('no held request to release');
          item.done = true;
          item.resume();
        },
        releaseAll() {
          for (const item of entry.held) {
            if (!item.done) {
              item.done = true;
              item.resume();
            }
          }
          holds.splice(holds.indexOf(entry), 1);
        },
      };
    },

    tagsOf(kind, id) {
      return [...record(kind, id).tags];
    },

    setTags(kind, id, tags) {
      const r = record(kind, id);
      r.tags = [...tags];
      r.version += 1;
    },

    closeTicket(id) {
      const r = record('ticket', id);
      r.closed = true;
      r.version += 1;
    },

    changeTicketOwners(owners) {
      if (owners.requester) {
        const r = owners.requester;
        if (!records.has(key('user', r.id))) seed('user', r.id, r.tags, r.name ? { name: r.name } : {});
        ticketRequester = r.id;
      }
      if (owners.organization === null) ticketOrganization = undefined;
      else if (owners.organization) {
        const o = owners.organization;
        if (!records.has(key('organization', o.id))) seed('organization', o.id, o.tags, o.name ? { name: o.name } : {});
        ticketOrganization = o.id;
      }
    },

    emit(event, data) {
      for (const handler of handlers.get(event) ?? []) handler(data);
    },

    requestsTo(part, method) {
      return requests.filter((r) => r.url.includes(part) && (method === undefined || (r.type ?? 'GET') === method));
    },
  };
  return client;
}
