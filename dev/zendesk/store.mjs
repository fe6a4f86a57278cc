// @ts-check
/**
 * A stateful fake of Zendesk's tag-related API. Pure: no http, no timers; the clock is
 * injected. `createZendesk().handle(req)` answers like the real server (see
 * /work/shared/reference/zendesk-tags.md); `control` lets tests and the dev server bend it
 * (failures, offline, rate limits, changes made by another agent).
 */
import { createSeed } from './seed.mjs';
import { createBulk } from './bulk.mjs';

/**
 * @typedef {import('./seed.mjs').SeedData} SeedData
 * @typedef {import('./seed.mjs').SeedTicket} SeedTicket
 * @typedef {import('./seed.mjs').SeedUser} SeedUser
 * @typedef {import('./seed.mjs').SeedOrganization} SeedOrganization
 * @typedef {'ticket'|'user'|'organization'} Kind
 *
 * @typedef {object} ZendeskOptions
 * @property {SeedData} [seed] data to start from (and to reset to); default createSeed()
 * @property {() => number} [now] clock in ms; default Date.now
 * @property {number} [rateLimitPerMinute] requests per sliding minute; 0 = off (default)
 * @property {boolean} [taggingUsersOrgs] "Tags on users and organizations"; default true
 * @property {boolean} [reapplyInheritedTags] tickets keep their requester's and organization's
 *   tags: removing one from the ticket alone does not stick; default false
 * @property {number} [ticketUpdatesPerTenMinutes] Zendesk's per-user-per-ticket update limit (30 in
 *   production); 0 = off (default). Counts tag writes and Update Ticket calls on one ticket by one actor
 * @property {'admin'|'agent'} [role] role of the app's user (default 'admin'). 'agent': tag writes on
 *   organizations and on agents'/admins' profiles answer 403 Forbidden (end users stay taggable)
 * @property {string} [origin] base of absolute URLs in next_page/links; default
 *   'https://tagwise-dev.zendesk.com' (the HTTP adapter passes its own per request)
 * @property {number} [jobRecordsPerSecond] Update Many jobs: tickets changed per second (default 40;
 *   Infinity = at once when the job leaves the queue)
 * @property {number} [jobQueueMs] Update Many jobs: time in the queue before they start (default 1000)
 * @property {number} [maxJobs] queued or running jobs per account (default 30, as Zendesk)
 * @property {'manager'|'agent'} [guideRole] Help Center role of the app's user (default 'manager')
 *
 * @typedef {object} ZendeskRequest
 * @property {string} method
 * @property {string} path e.g. '/api/v2/tickets/1/tags.json'; a '?query' part is merged into query
 * @property {Record<string, string>} [query]
 * @property {unknown} [body] parsed JSON (a JSON string is parsed too) or undefined
 * @property {string} [actor] who makes the change; default 'agent'
 * @property {string} [origin] base for absolute URLs in this answer
 *
 * @typedef {object} ZendeskResponse
 * @property {number} status 0 when dropped
 * @property {Record<string, string>} headers lower-case keys (Title-Case aliases readable too)
 * @property {unknown} body JSON value; a string for text bodies; null for 204 and dropped
 * @property {boolean} [dropped] true: no answer ever reached the client (timeout/offline)
 * @property {'offline'|'timeout'} [reason] why it was dropped (only with dropped)
 *
 * @typedef {object} FailSpec
 * @property {number} [status] HTTP status for kind 'http' (default 500)
 * @property {'http'|'timeout'} [kind] default 'http'
 * @property {number} [retryAfter] seconds, for 429 (default 2)
 * @property {unknown} [body] overrides the default body (a string is sent as text/plain)
 * @property {number} [times] how many matching requests fail (default 1)
 * @property {boolean} [apply] apply the request first, then fail the answer (default false)
 * @property {'write'|'any'} [match] 'write' = PUT/POST/DELETE (default), 'any' = every request
 *
 * @typedef {{ method: string, path: string, query: Record<string, string>, status: number, time: number, actor: string, injected?: boolean }} LogEntry
 *
 * @typedef {{ id: number, kind: Kind, record_id: number, actor: string, at: string, via: string, added: string[], removed: string[] }} HistoryEntry
 *
 * @typedef {object} ActRequest
 * @property {Kind} kind
 * @property {number|string} id
 * @property {string[]|string} [add] tags to add (delta)
 * @property {string[]|string} [remove] tags to remove (delta)
 * @property {string[]|string} [set] replace all tags
 * @property {import('./seed.mjs').TicketStatus} [status] tickets only: change the status (e.g. close it)
 * @property {string} [actor] default 'another agent'
 *
 * @typedef {object} ZendeskControl
 * @property {() => void} reset back to the seed and to the creation options; clears failures, offline, log
 * @property {(f: FailSpec) => void} failNext
 * @property {() => void} clearFailures drops every injected failure not yet used
 * @property {(offline: boolean) => void} setOffline
 * @property {(on: boolean) => void} setTaggingUsersOrgs
 * @property {(perMinute: number) => void} setRateLimit
 * @property {(on: boolean) => void} setReapplyInheritedTags
 * @property {(role: 'admin'|'agent') => void} setRole role of the app's user (see options.role)
 * @property {(perTenMinutes: number) => void} setTicketUpdateLimit see options.ticketUpdatesPerTenMinutes
 * @property {() => LogEntry[]} log
 * @property {() => void} clearLog
 * @property {(filter?: { upto?: number }) => { tickets: Record<number, any>, users: Record<number, any>, organizations: Record<number, any> }} snapshot
 *   upto: only records with ids up to this one (the workspace shows the first few, not 10,000)
 * @property {(filter?: { after?: number }) => HistoryEntry[]} history every tag change applied, in order (after: only later ids)
 * @property {(a: ActRequest) => { status: number, body: unknown }} act a change "behind the app's
 *   back": same code path as the API, but no injected failures, offline or rate limit, and not logged
 * @property {(perSecond: number, queueMs?: number) => void} setJobSpeed Update Many job speed (0 = instant)
 * @property {(id: number, times?: number) => void} lockTicket the next `times` bulk updates of the ticket fail with a conflict
 * @property {(role: 'manager'|'agent') => void} setGuideRole Help Center role of the app's user
 * @property {() => any[]} jobs every job status the account keeps
 * @property {() => any[]} contentTags the Guide content tags
 * @property {() => void} advance let the background jobs catch up with the clock
 *
 * @typedef {{ handle(req: ZendeskRequest): Promise<ZendeskResponse>, control: ZendeskControl }} Zendesk
 */

const DEFAULT_ORIGIN = 'https://tagwise-dev.zendesk.com';
const COLLECTIONS = /** @type {const} */ ({ tickets: 'ticket', users: 'user', organizations: 'organization' });
/** @type {Record<Kind, 'tickets'|'users'|'organizations'>} */
const COLLECTION_OF = { ticket: 'tickets', user: 'users', organization: 'organizations' };
const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const MAX_PAGE_SIZE = 100;

/**
 * The tag lists of a ticket update body (`tags`, `additional_tags`, `remove_tags`), each
 * normalised; the name of the first malformed one instead when there is one.
 * @param {Record<string, unknown>} t
 * @returns {Record<string, string[]> | string}
 */
function tagLists(t) {
  /** @type {Record<string, string[]>} */
  const lists = {};
  for (const key of ['tags', 'additional_tags', 'remove_tags']) {
    if (t[key] === undefined || t[key] === null) continue;
    const parsed = normaliseTags(t[key]);
    if (!parsed) return key;
    lists[key] = parsed;
  }
  return lists;
}

const CONFLICT_BODY = Object.freeze({
  error: 'UpdateConflict',
  description: 'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
});

// ---------------------------------------------------------------------------- helpers

/** @param {number} ms */
export function isoSeconds(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** @param {string} iso */
function secondsOf(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/**
 * Answer headers: lower-case own enumerable keys, plus non-enumerable Title-Case aliases so
 * both `headers['retry-after']` and `headers['Retry-After']` read the same value.
 * @param {Record<string, string>} map
 */
function makeHeaders(map) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [key, value] of Object.entries(map)) {
    const lower = key.toLowerCase();
    headers[lower] = value;
    const title = lower.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());
    if (title !== lower) Object.defineProperty(headers, title, { value, enumerable: false, writable: true, configurable: true });
  }
  return headers;
}

/**
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [extra]
 * @returns {ZendeskResponse}
 */
function json(status, body, extra = {}) {
  return { status, headers: makeHeaders({ 'content-type': 'application/json; charset=utf-8', ...extra }), body };
}

/** @param {number} status @param {string} body @param {Record<string, string>} [extra] @returns {ZendeskResponse} */
function text(status, body, extra = {}) {
  return { status, headers: makeHeaders({ 'content-type': 'text/plain; charset=utf-8', ...extra }), body };
}

/** @param {number} status @param {string} error @param {string} description */
function fail(status, error, description) {
  return json(status, { error, description });
}

const notFound = () => fail(404, 'RecordNotFound', 'Not found');

/**
 * What the server stores for a tags parameter. Strings split on whitespace and commas,
 * array items on whitespace ("nice person" becomes nice + person); lower case; no
 * duplicates; order kept. Returns null when the value cannot be tags at all.
 * @param {unknown} value
 * @returns {string[] | null}
 */
export function normaliseTags(value) {
  /** @type {string[]} */
  let pieces;
  if (typeof value === 'string') pieces = value.split(/[\s,]+/u);
  else if (Array.isArray(value)) {
    pieces = [];
    for (const item of value) {
      if (typeof item === 'string' || typeof item === 'number') pieces.push(...String(item).split(/\s+/u));
      else return null;
    }
  } else return null;
  /** @type {string[]} */
  const out = [];
  for (const piece of pieces) {
    const tag = piece.trim().toLowerCase();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

/** @param {string[]} base @param {string[]} more */
function union(base, more) {
  const out = [...base];
  for (const t of more) if (!out.includes(t)) out.push(t);
  return out;
}

/** @param {unknown} v */
function isTrue(v) {
  return v === true || v === 'true' || v === 1 || v === '1';
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {string | undefined} value @param {number} fallback */
function positiveInt(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : NaN;
}

/** @param {Record<string, string>} query */
function queryString(query) {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`)
    .join('&');
}

/** @param {number} offset */
function encodeCursor(offset) {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** @param {string} cursor */
function decodeCursor(cursor) {
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : NaN;
}

// ---------------------------------------------------------------------------- the fake

/**
 * @param {ZendeskOptions} [options]
 * @returns {Zendesk}
 */
export function createZendesk(options = {}) {
  const seed = options.seed ? structuredClone(options.seed) : createSeed();
  const now = options.now ?? Date.now;
  const defaultOrigin = options.origin ?? DEFAULT_ORIGIN;

  /** @type {{ tickets: Map<number, SeedTicket>, users: Map<number, SeedUser>, organizations: Map<number, SeedOrganization>, lastStamp: number, historySeq: number, audits: Map<number, any[]> }} */
  let db;
  /** @type {(FailSpec & { left: number })[]} */
  let failures;
  let offline = false;
  let rateLimit = 0;
  let taggingUsersOrgs = true;
  let reapplyInherited = false;
  /** @type {'admin'|'agent'} */
  let role = 'admin';
  /** Origin of the request being answered, for absolute URLs inside records. */
  let currentOrigin = defaultOrigin;
  /** @type {LogEntry[]} */
  let log = [];
  /** @type {HistoryEntry[]} */
  let history = [];
  /** Times (ms) of the requests that used the budget in the current sliding minute. */
  /** @type {number[]} */
  let budget = [];
  let ticketLimit = 0;
  /** Times (ms) of ticket updates per `${actor}\u0000${ticketId}` in the last ten minutes. */
  /** @type {Map<string, number[]>} */
  let ticketUpdates = new Map();

  const bulk = createBulk(
    {
      now,
      db: () => db,
      commit: (kind, record, next, actor, via) => commit(kind, record, next, actor, via),
      nextStamp: () => nextStamp(),
      json,
      fail,
      present: (kind, record) => present(kind, record),
      normaliseTags,
      isoSeconds,
    },
    {
      ...(options.jobRecordsPerSecond === undefined ? {} : { jobRecordsPerSecond: options.jobRecordsPerSecond }),
      ...(options.jobQueueMs === undefined ? {} : { jobQueueMs: options.jobQueueMs }),
      ...(options.maxJobs === undefined ? {} : { maxJobs: options.maxJobs }),
      ...(options.guideRole === undefined ? {} : { guideRole: options.guideRole }),
      locks: seed.locks ?? {},
      contentTags: seed.contentTags ?? [],
    },
  );

  function reset() {
    // A copy per record, not structuredClone: the seed holds 10,000 tickets and tests reset often.
    const data = {
      tickets: seed.tickets.map((t) => ({ ...t, tags: [...t.tags] })),
      users: seed.users.map((u) => ({ ...u, tags: [...u.tags] })),
      organizations: seed.organizations.map((o) => ({ ...o, tags: [...o.tags] })),
    };
    db = {
      tickets: new Map(data.tickets.map((t) => [t.id, t])),
      users: new Map(data.users.map((u) => [u.id, u])),
      organizations: new Map(data.organizations.map((o) => [o.id, o])),
      lastStamp: 0,
      historySeq: 0,
      audits: new Map(),
    };
    for (const r of [...data.tickets, ...data.users, ...data.organizations]) {
      db.lastStamp = Math.max(db.lastStamp, secondsOf(r.updated_at));
    }
    failures = [];
    offline = false;
    rateLimit = options.rateLimitPerMinute ?? 0;
    taggingUsersOrgs = options.taggingUsersOrgs ?? true;
    reapplyInherited = options.reapplyInheritedTags ?? false;
    role = options.role ?? 'admin';
    bulk.reset();
    log = [];
    history = [];
    budget = [];
    ticketLimit = options.ticketUpdatesPerTenMinutes ?? 0;
    ticketUpdates = new Map();
  }
  reset();

  /** A fresh updated_at: one-second precision, strictly increasing across the whole account. */
  function nextStamp() {
    const sec = Math.max(Math.floor(now() / 1000), db.lastStamp + 1);
    db.lastStamp = sec;
    return isoSeconds(sec * 1000);
  }

  /** @param {Kind} kind @param {number} id */
  function find(kind, id) {
    return /** @type {Map<number, SeedTicket|SeedUser|SeedOrganization>} */ (db[COLLECTION_OF[kind]]).get(id);
  }

  // ------------------------------------------------------------------ presenters

  /** @param {SeedTicket} t */
  function presentTicket(t) {
    return {
      id: t.id,
      url: `${currentOrigin}/api/v2/tickets/${t.id}.json`,
      subject: t.subject,
      status: t.status,
      requester_id: t.requester_id,
      organization_id: t.organization_id,
      tags: [...t.tags],
      custom_fields: seed.ticketFields
        .filter((f) => f.type !== 'text')
        .map((f) => ({
          id: f.id,
          value:
            f.type === 'checkbox'
              ? Boolean(f.tag && t.tags.includes(f.tag))
              : (f.custom_field_options ?? []).find((o) => t.tags.includes(o.value))?.value ?? null,
        })),
      created_at: t.created_at,
      updated_at: t.updated_at,
    };
  }
  /** @param {SeedUser} u */
  function presentUser(u) {
    return { id: u.id, name: u.name, email: u.email, role: u.role, organization_id: u.organization_id, tags: [...u.tags], created_at: u.created_at, updated_at: u.updated_at };
  }
  /** @param {SeedOrganization} o */
  function presentOrganization(o) {
    return { id: o.id, name: o.name, tags: [...o.tags], created_at: o.created_at, updated_at: o.updated_at };
  }
  /** @param {Kind} kind @param {any} r */
  function present(kind, r) {
    return kind === 'ticket' ? presentTicket(r) : kind === 'user' ? presentUser(r) : presentOrganization(r);
  }

  /** Tags a ticket inherits from its requester and organization. @param {SeedTicket} t */
  function inheritedTags(t) {
    const requester = db.users.get(t.requester_id);
    const org = t.organization_id == null ? undefined : db.organizations.get(t.organization_id);
    return union(requester?.tags ?? [], org?.tags ?? []);
  }

  // ------------------------------------------------------------------ writing tags

  /**
   * Applies a new tag list to a record; moves updated_at only when the list changed.
   * @param {Kind} kind @param {SeedTicket|SeedUser|SeedOrganization} record @param {string[]} next
   * @param {string} actor @param {string} via
   * @returns {HistoryEntry | null}
   */
  function commit(kind, record, next, actor, via) {
    if (kind === 'ticket' && reapplyInherited) next = union(next, inheritedTags(/** @type {SeedTicket} */ (record)));
    const before = record.tags;
    const added = next.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !next.includes(t));
    const reordered = !added.length && !removed.length && next.join(' ') !== before.join(' ');
    if (!added.length && !removed.length && !reordered) return null;
    record.tags = [...next];
    record.updated_at = nextStamp();
    db.historySeq += 1;
    /** @type {HistoryEntry} */
    const entry = { id: db.historySeq, kind, record_id: record.id, actor, at: record.updated_at, via, added, removed };
    history.push(entry);
    if (kind === 'ticket') {
      // Ticket audits, as GET /api/v2/tickets/{id}/audits shows them: changes made through the
      // API (the app, Update Many) say so in via.channel; "another agent" works in the web UI.
      const audits = db.audits.get(record.id) ?? [];
      audits.push({
        id: 100000 + entry.id,
        ticket_id: record.id,
        created_at: record.updated_at,
        author_id: 105,
        via: { channel: actor.startsWith('another') ? 'web' : 'api' },
        events: [{ id: entry.id * 10 + 1, type: 'Change', field_name: 'tags', value: [...next], previous_value: [...before] }],
      });
      db.audits.set(record.id, audits);
    }
    return entry;
  }

  /**
   * Safe update check for tickets. Returns an error answer or null.
   * Choice: safe_update without updated_stamp answers 409 as well (the server cannot prove
   * the client's data is fresh), with a description saying the stamp is missing.
   * @param {SeedTicket} ticket @param {unknown} safe @param {unknown} stamp
   */
  function safeUpdateCheck(ticket, safe, stamp) {
    if (!isTrue(safe)) return null;
    if (typeof stamp !== 'string' || stamp === '') {
      return json(409, { error: 'UpdateConflict', description: 'Safe Update requires updated_stamp; nothing was changed. Please fetch the latest ticket data and try again.' });
    }
    // Same instant in another spelling (e.g. with milliseconds) is still the same stamp.
    if (stamp !== ticket.updated_at && Date.parse(stamp) !== Date.parse(ticket.updated_at)) return json(409, { ...CONFLICT_BODY });
    return null;
  }

  /**
   * Per-user-per-ticket update limit. Returns a 429 answer, or null after counting the update.
   * @param {number} ticketId @param {string} actor @param {boolean} privileged
   */
  function spendTicketUpdate(ticketId, actor, privileged) {
    if (privileged || !ticketLimit || ticketLimit <= 0) return null;
    const key = `${actor}\u0000${ticketId}`;
    const t = now();
    const recent = (ticketUpdates.get(key) ?? []).filter((at) => at > t - 600_000);
    if (recent.length >= ticketLimit) {
      ticketUpdates.set(key, recent);
      const wait = Math.max(1, Math.ceil(((recent[0] ?? t) + 600_000 - t) / 1000));
      return text(429, 'Too Many Requests', { 'retry-after': String(wait) });
    }
    recent.push(t);
    ticketUpdates.set(key, recent);
    return null;
  }

  function closedTicketAnswer() {
    return fail(422, 'RecordInvalid', 'Tags cannot be changed on a closed ticket: closed tickets can only be changed with Update Many Tickets.');
  }

  function forbidden() {
    return fail(403, 'Forbidden', 'You do not have access to this page. Please contact the account owner of this help desk for further help.');
  }

  function tagsDisabledAnswer() {
    return fail(403, 'TagsDisabled', 'Tags on users and organizations are turned off for this account. An admin can turn them on in Admin Center > People > Configuration > End users.');
  }

  /**
   * /api/v2/{collection}/{id}/tags
   * @param {string} method @param {Kind} kind @param {number} id @param {any} body
   * @param {Record<string, string>} query @param {string} actor @param {boolean} privileged
   */
  function tagsEndpoint(method, kind, id, body, query, actor, privileged) {
    if (kind !== 'ticket' && !taggingUsersOrgs) return tagsDisabledAnswer();
    const record = find(kind, id);
    if (!record) return notFound();
    if (method === 'GET') return json(200, { tags: [...record.tags] });
    if (method !== 'PUT' && method !== 'POST' && method !== 'DELETE') return fail(405, 'MethodNotAllowed', `${method} is not allowed here`);
    if (!privileged && role === 'agent' && (kind === 'organization' || (kind === 'user' && /** @type {SeedUser} */ (record).role !== 'end-user'))) {
      return forbidden();
    }

    const params = isObject(body) ? body : {};
    // DELETE bodies are sometimes stripped by proxies; clients then send ?tags=a,b.
    const raw = 'tags' in params ? params.tags : method === 'DELETE' ? query.tags : undefined;
    if (raw === undefined || raw === null) return fail(400, 'InvalidValue', 'Parameter tags is required');
    const tags = normaliseTags(raw);
    if (!tags) return fail(400, 'InvalidValue', 'Parameter tags must be a list of strings or a string');

    if (kind === 'ticket') {
      const ticket = /** @type {SeedTicket} */ (record);
      const limited = spendTicketUpdate(ticket.id, actor, privileged);
      if (limited) return limited;
      if (ticket.status === 'closed') return closedTicketAnswer();
      const conflict = safeUpdateCheck(ticket, params.safe_update ?? query.safe_update, params.updated_stamp ?? query.updated_stamp);
      if (conflict) return conflict;
    }
    // users and organizations: safe_update / updated_stamp are ignored.

    const next =
      method === 'PUT' ? union(record.tags, tags) : method === 'POST' ? tags : record.tags.filter((t) => !tags.includes(t));
    commit(kind, record, next, actor, `${method} tags`);
    if (method === 'DELETE') return { status: 204, headers: makeHeaders({}), body: null };
    return json(method === 'POST' ? 201 : 200, { tags: [...record.tags] });
  }

  /**
   * PUT /api/v2/tickets/{id}
   * @param {SeedTicket} ticket @param {unknown} body @param {string} actor @param {boolean} privileged
   */
  function updateTicket(ticket, body, actor, privileged) {
    if (!isObject(body) || !isObject(body.ticket)) return fail(400, 'InvalidValue', 'Parameter ticket is required');
    const limited = spendTicketUpdate(ticket.id, actor, privileged);
    if (limited) return limited;
    const t = body.ticket;
    const lists = tagLists(t);
    if (typeof lists === 'string') return fail(400, 'InvalidValue', `Parameter ${lists} must be a list of strings or a string`);
    const status = t.status;
    if (status !== undefined && (typeof status !== 'string' || !TICKET_STATUSES.includes(status))) {
      return json(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { status: [{ description: `Status: ${String(status)} is not valid` }] } });
    }
    if (ticket.status === 'closed') {
      return json(422, { error: 'RecordInvalid', description: 'Record validation errors', details: { status: [{ description: 'Status: closed prevents ticket update' }] } });
    }
    const conflict = safeUpdateCheck(ticket, t.safe_update ?? body.safe_update, t.updated_stamp ?? body.updated_stamp);
    if (conflict) return conflict;

    const previous = [...ticket.tags];
    const previousStatus = ticket.status;
    let next = lists.tags ?? [...ticket.tags];
    if (lists.additional_tags) next = union(next, lists.additional_tags);
    if (lists.remove_tags) next = next.filter((tag) => !(lists.remove_tags ?? []).includes(tag));
    const change = commit('ticket', ticket, next, actor, 'PUT ticket');
    /** @type {any[]} */
    const events = [];
    if (change) events.push({ id: change.id * 10 + 1, type: 'Change', field_name: 'tags', value: [...ticket.tags], previous_value: previous });
    if (typeof status === 'string' && status !== previousStatus) {
      ticket.status = /** @type {any} */ (status);
      if (!change) ticket.updated_at = nextStamp();
      events.push({ id: (change?.id ?? ++db.historySeq) * 10 + 2, type: 'Change', field_name: 'status', value: status, previous_value: previousStatus });
    }
    return json(200, {
      ticket: presentTicket(ticket),
      audit: { id: 100000 + db.historySeq, ticket_id: ticket.id, created_at: ticket.updated_at, author: actor, events },
    });
  }

  // ------------------------------------------------------------------ reading tags

  /** Every known tag with its popularity: the popular list plus record tags, most used first. */
  function allTags() {
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const p of seed.popularTags) counts.set(p.name, p.count);
    for (const coll of [db.tickets, db.users, db.organizations]) {
      for (const r of coll.values()) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Offset pages: page (1-based), per_page (max 100).
   * @template T
   * @param {T[]} items @param {Record<string, string>} query @param {string} base url without query
   * @param {Record<string, string>} keep query parameters to repeat in page links
   */
  function offsetPage(items, query, base, keep) {
    const page = positiveInt(query.page, 1);
    const perPage = Math.min(positiveInt(query.per_page, MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    if (Number.isNaN(page) || Number.isNaN(perPage)) return null;
    const start = (page - 1) * perPage;
    const link = (/** @type {number} */ p) => `${base}?${queryString({ ...keep, page: String(p), per_page: String(perPage) })}`;
    return {
      items: items.slice(start, start + perPage),
      next_page: start + perPage < items.length ? link(page + 1) : null,
      previous_page: page > 1 ? link(page - 1) : null,
      count: items.length,
    };
  }

  /** @param {Record<string, string>} query @param {string} origin */
  function popularTags(query, origin) {
    const tags = allTags();
    const base = `${origin}/api/v2/tags.json`;
    const cursorMode = ['page[size]', 'page[after]', 'page[before]'].some((k) => k in query);
    if (cursorMode) {
      const size = Math.min(positiveInt(query['page[size]'], MAX_PAGE_SIZE), MAX_PAGE_SIZE);
      if (Number.isNaN(size)) return fail(400, 'InvalidPaginationParameter', 'page[size] must be a positive integer');
      let start = 0;
      if (query['page[after]']) start = decodeCursor(query['page[after]']);
      else if (query['page[before]']) start = decodeCursor(query['page[before]']) - size;
      if (Number.isNaN(start)) return fail(400, 'InvalidPaginationParameter', 'Invalid cursor');
      start = Math.max(0, start);
      const slice = tags.slice(start, start + size);
      const end = start + slice.length;
      const hasMore = end < tags.length;
      const after = slice.length ? encodeCursor(end) : null;
      const before = slice.length ? encodeCursor(start) : null;
      return json(200, {
        tags: slice,
        meta: { has_more: hasMore, after_cursor: after, before_cursor: before },
        links: {
          next: hasMore && after ? `${base}?${queryString({ 'page[size]': String(size), 'page[after]': after })}` : null,
          prev: start > 0 && before ? `${base}?${queryString({ 'page[size]': String(size), 'page[before]': before })}` : null,
        },
      });
    }
    const page = offsetPage(tags, query, base, {});
    if (!page) return fail(400, 'InvalidPaginationParameter', 'page and per_page must be positive integers');
    return json(200, { tags: page.items, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  }

  /** @param {Record<string, string>} query @param {string} origin */
  function autocomplete(query, origin) {
    const name = (query.name ?? '').trim().toLowerCase();
    if ([...name].length < 2) return fail(400, 'InvalidValue', 'Name must be at least 2 characters');
    const matches = allTags().filter((t) => t.name.startsWith(name)).map((t) => t.name);
    const page = offsetPage(matches, query, `${origin}/api/v2/autocomplete/tags.json`, { name: query.name ?? '' });
    if (!page) return fail(400, 'InvalidPaginationParameter', 'page and per_page must be positive integers');
    return json(200, { tags: page.items, next_page: page.next_page, previous_page: page.previous_page, count: page.count });
  }

  // ------------------------------------------------------------------ routing

  /**
   * The server proper: no failures, offline or budget here.
   * @param {string} method @param {string} path without query @param {Record<string, string>} query
   * @param {unknown} body @param {string} actor @param {string} origin
   * @param {boolean} [privileged] act(): another agent who may do what the app's user may not
   * @returns {ZendeskResponse}
   */
  function route(method, path, query, body, actor, origin, privileged = false) {
    currentOrigin = origin;
    const p = path.replace(/\/+$/, '').replace(/\.json$/, '');
    let m;
    if ((m = /^\/api\/v2\/(tickets|users|organizations)\/([^/]+)\/tags$/.exec(p))) {
      const kind = COLLECTIONS[/** @type {'tickets'|'users'|'organizations'} */ (m[1])];
      const id = /^\d+$/.test(m[2] ?? '') ? Number(m[2]) : NaN;
      if (Number.isNaN(id)) return notFound();
      return tagsEndpoint(method, kind, id, body, query, actor, privileged);
    }
    const answered = bulk.route(method, p, query, body, actor, origin);
    if (answered) return answered;
    if (p === '/api/v2/users/me' && method === 'GET') {
      const agent = [...db.users.values()].find((u) => u.role !== 'end-user');
      return agent ? json(200, { user: presentUser(agent) }) : notFound();
    }
    if ((m = /^\/api\/v2\/tickets\/(\d+)\/audits$/.exec(p)) && method === 'GET') {
      const id = Number(m[1]);
      if (!db.tickets.has(id)) return notFound();
      const audits = structuredClone(db.audits.get(id) ?? []);
      if (query.sort_order === 'desc') audits.reverse();
      return json(200, { audits, next_page: null, previous_page: null, count: audits.length });
    }
    if ((m = /^\/api\/v2\/(tickets|users|organizations)\/([^/]+)$/.exec(p))) {
      const kind = COLLECTIONS[/** @type {'tickets'|'users'|'organizations'} */ (m[1])];
      const id = /^\d+$/.test(m[2] ?? '') ? Number(m[2]) : NaN;
      const record = Number.isNaN(id) ? undefined : find(kind, id);
      if (method === 'GET') return record ? json(200, { [kind]: present(kind, record) }) : notFound();
      if (method === 'PUT' && kind === 'ticket') return record ? updateTicket(/** @type {SeedTicket} */ (record), body, actor, privileged) : notFound();
      return invalidEndpoint();
    }
    if (method !== 'GET') return invalidEndpoint();
    if (p === '/api/v2/account/settings') return json(200, { settings: { user: { tagging: taggingUsersOrgs } } });
    if (p === '/api/v2/tags') return popularTags(query, origin);
    if (p === '/api/v2/tags/count') return json(200, { count: { value: allTags().length, refreshed_at: seed.tagsRefreshedAt } });
    if (p === '/api/v2/autocomplete/tags') return autocomplete(query, origin);
    // Account settings, the part the app reads: "Tags on users and organizations".
    if (p === '/api/v2/account/settings') return json(200, { settings: { user: { tagging: taggingUsersOrgs } } });
    if (p === '/api/v2/ticket_fields') return json(200, { ticket_fields: structuredClone(seed.ticketFields), next_page: null, previous_page: null, count: seed.ticketFields.length });
    return invalidEndpoint();
  }

  function invalidEndpoint() {
    return fail(404, 'InvalidEndpoint', 'Not found');
  }

  /** @param {string} method @param {FailSpec} f */
  function matches(method, f) {
    return (f.match ?? 'write') === 'any' || ['PUT', 'POST', 'DELETE', 'PATCH'].includes(method);
  }

  /** @param {FailSpec} f @returns {ZendeskResponse} */
  function injected(f) {
    const status = f.status ?? 500;
    /** @type {Record<string, string>} */
    const extra = {};
    if (status === 429) extra['retry-after'] = String(f.retryAfter ?? 2);
    else if (f.retryAfter !== undefined) extra['retry-after'] = String(f.retryAfter);
    if (f.body !== undefined) return typeof f.body === 'string' ? text(status, f.body, extra) : json(status, structuredClone(f.body), extra);
    if (status === 429) return text(429, 'Too Many Requests', extra);
    if (status === 409) return json(409, { ...CONFLICT_BODY }, extra);
    if (status === 500) return json(500, { error: 'InternalError' }, extra);
    if (status === 503) return text(503, 'Service Unavailable', extra);
    if (status === 401) return json(401, { error: "Couldn't authenticate you" }, extra);
    if (status === 403) return json(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' }, extra);
    if (status === 404) return notFound();
    return json(status, { error: 'InjectedFailure', description: `Injected ${status}` }, extra);
  }

  /** @param {'offline'|'timeout'} reason @returns {ZendeskResponse} */
  function dropped(reason) {
    return { status: 0, headers: {}, body: null, dropped: true, reason };
  }

  /** Sliding one-minute window. Returns a 429 answer, or the rate headers to add. */
  function spendBudget() {
    if (!rateLimit || rateLimit <= 0) return { headers: {} };
    const t = now();
    budget = budget.filter((at) => at > t - 60_000);
    if (budget.length >= rateLimit) {
      const oldest = /** @type {number} */ (budget[0]);
      const wait = Math.max(1, Math.ceil((oldest + 60_000 - t) / 1000));
      return {
        refusal: text(429, 'Too Many Requests', {
          'retry-after': String(wait),
          'x-rate-limit': String(rateLimit),
          'x-rate-limit-remaining': '0',
          'ratelimit-limit': String(rateLimit),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(wait),
        }),
      };
    }
    budget.push(t);
    const remaining = String(rateLimit - budget.length);
    const reset = String(Math.max(1, Math.ceil(((budget[0] ?? t) + 60_000 - t) / 1000)));
    return {
      headers: { 'x-rate-limit': String(rateLimit), 'x-rate-limit-remaining': remaining, 'ratelimit-limit': String(rateLimit), 'ratelimit-remaining': remaining, 'ratelimit-reset': reset },
    };
  }

  /** @param {unknown} body */
  function parseBody(body) {
    if (typeof body !== 'string') return { body };
    if (body.trim() === '') return { body: undefined };
    try {
      return { body: JSON.parse(body) };
    } catch {
      return { error: fail(400, 'InvalidJSON', 'The request body is not valid JSON') };
    }
  }

  /** @param {ZendeskRequest} req */
  function split(req) {
    const method = String(req.method || 'GET').toUpperCase();
    const q = req.path.indexOf('?');
    const path = q === -1 ? req.path : req.path.slice(0, q);
    /** @type {Record<string, string>} */
    const query = {};
    if (q !== -1) for (const [k, v] of new URLSearchParams(req.path.slice(q + 1))) query[k] = v;
    for (const [k, v] of Object.entries(req.query ?? {})) query[k] = String(v);
    return { method, path, query };
  }

  /** @param {ZendeskRequest} req @returns {ZendeskResponse} */
  function handleSync(req) {
    bulk.advance();
    const { method, path, query } = split(req);
    const actor = req.actor ?? 'agent';
    const origin = req.origin ?? defaultOrigin;
    const entry = { method, path, query, status: 0, time: now(), actor };
    log.push(entry);

    if (offline) return dropped('offline');

    const failureIndex = failures.findIndex((f) => matches(method, f));
    if (failureIndex !== -1) {
      const f = /** @type {FailSpec & { left: number }} */ (failures[failureIndex]);
      f.left -= 1;
      if (f.left <= 0) failures.splice(failureIndex, 1);
      if (f.apply) {
        const parsed = parseBody(req.body);
        if (!parsed.error) route(method, path, query, parsed.body, actor, origin);
      }
      /** @type {LogEntry} */ (entry).injected = true;
      if (f.kind === 'timeout') return dropped('timeout');
      const answer = injected(f);
      entry.status = answer.status;
      return answer;
    }

    const spent = spendBudget();
    if (spent.refusal) {
      entry.status = 429;
      return spent.refusal;
    }
    const parsed = parseBody(req.body);
    const answer = parsed.error ?? route(method, path, query, parsed.body, actor, origin);
    for (const [k, v] of Object.entries(spent.headers)) answer.headers = makeHeaders({ ...answer.headers, [k]: v });
    entry.status = answer.status;
    return answer;
  }

  /**
   * A snapshot's records as of now, presented only when read: with 10,000 bulk tickets, tests
   * that look at one record a thousand times must not present them all each time. Reads,
   * Object.keys/values/entries and JSON.stringify all work; each record is presented once.
   * @param {Kind} kind @param {Map<number, any>} records @param {number} upto
   */
  function lazyRecords(kind, records, upto) {
    /** @type {Map<string, any>} */
    const copies = new Map();
    for (const r of records.values()) if (r.id <= upto) copies.set(String(r.id), { ...r, tags: [...r.tags] });
    /** @type {Map<string, any>} */
    const shown = new Map();
    const get = (/** @type {string} */ key) => {
      if (!shown.has(key)) {
        currentOrigin = defaultOrigin;
        shown.set(key, present(kind, copies.get(key)));
      }
      return shown.get(key);
    };
    return new Proxy(/** @type {Record<number, any>} */ ({}), {
      get: (_, key) => (typeof key === 'string' && copies.has(key) ? get(key) : undefined),
      has: (_, key) => typeof key === 'string' && copies.has(key),
      ownKeys: () => [...copies.keys()],
      getOwnPropertyDescriptor: (_, key) => (typeof key === 'string' && copies.has(key) ? { value: get(key), enumerable: true, configurable: true, writable: true } : undefined),
    });
  }


  /** @type {ZendeskControl} */
  const control = {
    reset,
    failNext(f) {
      const times = f.times ?? 1;
      if (times > 0) failures.push({ ...f, left: times });
    },
    clearFailures() {
      failures = [];
    },
    setOffline(value) {
      offline = Boolean(value);
    },
    setTaggingUsersOrgs(on) {
      taggingUsersOrgs = Boolean(on);
    },
    setRateLimit(perMinute) {
      rateLimit = Math.max(0, Number(perMinute) || 0);
      budget = [];
    },
    setReapplyInheritedTags(on) {
      reapplyInherited = Boolean(on);
    },
    setRole(value) {
      role = value === 'agent' ? 'agent' : 'admin';
    },
    setTicketUpdateLimit(perTenMinutes) {
      ticketLimit = Math.max(0, Number(perTenMinutes) || 0);
      ticketUpdates = new Map();
    },
    setJobSpeed: (perSecond, queueMs) => bulk.control.setJobSpeed(perSecond, queueMs),
    lockTicket: (id, times) => bulk.control.lockTicket(id, times),
    setGuideRole: (r) => bulk.control.setGuideRole(r),
    jobs() {
      bulk.advance();
      return bulk.control.jobs();
    },
    contentTags: () => bulk.control.contentTags(),
    advance: () => bulk.advance(),
    log: () => structuredClone(log),
    clearLog() {
      log = [];
    },
    snapshot(filter = {}) {
      bulk.advance();
      const upto = filter.upto ?? Number.POSITIVE_INFINITY;
      return {
        tickets: lazyRecords('ticket', db.tickets, upto),
        users: lazyRecords('user', db.users, upto),
        organizations: lazyRecords('organization', db.organizations, upto),
      };
    },
    history(filter = {}) {
      bulk.advance();
      const after = filter.after ?? 0;
      return structuredClone(after ? history.filter((e) => e.id > after) : history);
    },
    act(a) {
      bulk.advance();
      const actor = a.actor ?? 'another agent';
      const kind = a.kind;
      if (!(kind in COLLECTION_OF)) return { status: 400, body: { error: 'InvalidValue', description: 'kind must be ticket, user or organization' } };
      const base = `/api/v2/${COLLECTION_OF[kind]}/${a.id}/tags`;
      /** @type {ZendeskResponse | undefined} */
      let last;
      /** @param {string} method @param {string} path @param {unknown} body */
      const run = (method, path, body) => {
        last = route(method, path, {}, body, actor, defaultOrigin, true);
        return last.status < 300;
      };
      if (a.set !== undefined && !run('POST', base, { tags: a.set })) return { status: last?.status ?? 500, body: last?.body };
      if (a.add !== undefined && !run('PUT', base, { tags: a.add })) return { status: last?.status ?? 500, body: last?.body };
      if (a.remove !== undefined && !run('DELETE', base, { tags: a.remove })) return { status: last?.status ?? 500, body: last?.body };
      if (a.status !== undefined) {
        if (kind !== 'ticket') return { status: 400, body: { error: 'InvalidValue', description: 'status applies to tickets only' } };
        if (!run('PUT', `/api/v2/tickets/${a.id}`, { ticket: { status: a.status } })) return { status: last?.status ?? 500, body: last?.body };
      }
      const record = Number.isInteger(Number(a.id)) ? find(kind, Number(a.id)) : undefined;
      if (!record) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
      return { status: 200, body: { [kind]: present(kind, record) } };
    },
  };

  return {
    async handle(req) {
      return handleSync(req);
    },
    control,
  };
}
