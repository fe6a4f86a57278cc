// @ts-check
/**
 * Account-wide endpoints of the local Zendesk, for the Tag manager: Search (with its 1,000-result
 * cap), Search count, Export Search Results (cursor pages), Update Many Tickets as asynchronous
 * jobs that progress over (injected) seconds, Job Statuses (show, show_many, list; kept a day),
 * the 30-job limit, and Guide content tags with their jobs.
 *
 * Pure like store.mjs: no timers. Jobs advance lazily to the clock's present whenever anything
 * is asked of the server (`advance()`), which no client can tell from a server working in the
 * background.
 */
import { matchesQuery, parseQuery } from './search.mjs';

/**
 * @typedef {import('./seed.mjs').SeedTicket & { archived?: boolean }} Ticket
 * @typedef {import('./bulkSeed.mjs').SeedContentTag} ContentTag
 * @typedef {import('./store.mjs').ZendeskResponse} ZendeskResponse
 *
 * @typedef {object} BulkContext
 * @property {() => number} now
 * @property {() => { tickets: Map<number, Ticket>, users: Map<number, any>, organizations: Map<number, any> }} db
 * @property {(kind: 'ticket', record: Ticket, next: string[], actor: string, via: string) => unknown} commit
 * @property {() => string} nextStamp
 * @property {(status: number, body: unknown, extra?: Record<string, string>) => ZendeskResponse} json
 * @property {(status: number, error: string, description: string) => ZendeskResponse} fail
 * @property {(kind: 'ticket'|'user'|'organization', record: any) => any} present
 * @property {(value: unknown) => string[] | null} normaliseTags
 * @property {(ms: number) => string} isoSeconds
 *
 * @typedef {object} BulkOptions
 * @property {number} [jobRecordsPerSecond] how fast a job works through its tickets (default 40;
 *   Infinity: a job is done as soon as it leaves the queue)
 * @property {number} [jobQueueMs] how long a job waits in the queue before it starts (default 1000)
 * @property {number} [maxJobs] queued or running jobs per account (Zendesk: 30)
 * @property {Record<number, number>} [locks] ticket id -> bulk updates that meet a conflict first
 * @property {ContentTag[]} [contentTags]
 * @property {'manager'|'agent'} [guideRole] the app user's Help Center role (default 'manager')
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const SEARCH_RESULT_CAP = 1000;

/** @param {string | undefined} v @param {number} fallback @param {number} max */
function size(v, fallback, max) {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : NaN;
}

/** @param {Record<string, string>} query */
function qs(query) {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`)
    .join('&');
}

/** @param {object} value */
function encode(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** @param {string} cursor @returns {any} */
function decode(cursor) {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * @param {BulkContext} ctx
 * @param {BulkOptions} options
 */
export function createBulk(ctx, options = {}) {
  /** @type {Map<string, any>} */
  let jobs = new Map();
  let jobSeq = 0;
  /** @type {Map<number, number>} */
  let locks = new Map();
  /** @type {Map<string, ContentTag>} */
  let contentTags = new Map();
  let contentSeq = 0;
  let rate = 40;
  let queueMs = 1000;
  let maxJobs = 30;
  /** @type {'manager'|'agent'} */
  let guideRole = 'manager';

  function reset() {
    jobs = new Map();
    jobSeq = 0;
    locks = new Map(Object.entries(options.locks ?? {}).map(([id, n]) => [Number(id), n]));
    contentTags = new Map((options.contentTags ?? []).map((t) => [t.id, { ...t }]));
    contentSeq = 0;
    rate = options.jobRecordsPerSecond ?? 40;
    queueMs = options.jobQueueMs ?? 1000;
    maxJobs = options.maxJobs ?? 30;
    guideRole = options.guideRole ?? 'manager';
  }
  reset();

  // ---------------------------------------------------------------- search

  /** @param {'ticket'|'user'|'organization'} kind */
  function collection(kind) {
    const db = ctx.db();
    return kind === 'ticket' ? db.tickets : kind === 'user' ? db.users : db.organizations;
  }

  /**
   * Every record the query finds, by kind then id.
   * @param {import('./search.mjs').ParsedQuery} q
   * @returns {{ kind: 'ticket'|'user'|'organization', record: any }[]}
   */
  function find(q) {
    /** @type {('ticket'|'user'|'organization')[]} */
    const kinds = q.type === 'group' ? [] : q.type ? [q.type] : ['ticket', 'user', 'organization'];
    const out = [];
    for (const kind of kinds) {
      const ids = [...collection(kind).keys()].sort((a, b) => a - b);
      for (const id of ids) {
        const record = collection(kind).get(id);
        if (matchesQuery(q, kind, record)) out.push({ kind, record });
      }
    }
    return out;
  }

  /** @param {'ticket'|'user'|'organization'} kind @param {any} record */
  function result(kind, record) {
    return { ...ctx.present(kind, record), result_type: kind };
  }

  /** @param {Record<string, string>} query */
  function parsed(query) {
    if (typeof query.query !== 'string' || query.query.trim() === '') return { error: ctx.fail(400, 'InvalidValue', 'Parameter query is required') };
    const q = parseQuery(query.query);
    if ('error' in q) return { error: ctx.fail(400, 'InvalidValue', q.error) };
    return { q };
  }

  /** GET /api/v2/search: offset pages, at most 1,000 results; page 11 of 100 answers 422. */
  /** @param {Record<string, string>} query @param {string} origin */
  function search(query, origin) {
    const { q, error } = parsed(query);
    if (!q) return /** @type {ZendeskResponse} */ (error);
    const perPage = size(query.per_page, 100, 100);
    const page = size(query.page, 1, Number.MAX_SAFE_INTEGER);
    if (Number.isNaN(perPage) || Number.isNaN(page)) return ctx.fail(400, 'InvalidPaginationParameter', 'page and per_page must be positive integers');
    const start = (page - 1) * perPage;
    if (start >= SEARCH_RESULT_CAP) {
      return ctx.json(422, { error: 'invalid', description: `Search results are limited to ${SEARCH_RESULT_CAP}: use the Export Search Results endpoint for more` });
    }
    const all = find(q);
    const items = all.slice(start, Math.min(start + perPage, SEARCH_RESULT_CAP));
    const end = start + items.length;
    const link = (/** @type {number} */ p) => `${origin}/api/v2/search.json?${qs({ query: query.query ?? '', page: String(p), per_page: String(perPage) })}`;
    return ctx.json(200, {
      results: items.map((f) => result(f.kind, f.record)),
      facets: null,
      next_page: end < Math.min(all.length, SEARCH_RESULT_CAP) ? link(page + 1) : null,
      previous_page: page > 1 ? link(page - 1) : null,
      count: all.length,
    });
  }

  /** @param {Record<string, string>} query */
  function searchCount(query) {
    const { q, error } = parsed(query);
    if (!q) return /** @type {ZendeskResponse} */ (error);
    return ctx.json(200, { count: find(q).length });
  }

  /**
   * GET /api/v2/search/export: filter[type] required, cursor pages (page[size] <= 1000, default
   * 100), no cap. The cursor is the last id served, so records changed meanwhile are neither
   * served twice nor skipped; it expires after an hour.
   * @param {Record<string, string>} query @param {string} origin
   */
  function exportSearch(query, origin) {
    const type = query['filter[type]'];
    if (!type || !['ticket', 'user', 'organization', 'group'].includes(type)) {
      return ctx.fail(400, 'InvalidValue', 'filter[type] is required: ticket, user, organization or group');
    }
    const { q, error } = parsed(query);
    if (!q) return /** @type {ZendeskResponse} */ (error);
    const pageSize = size(query['page[size]'], 100, 1000);
    if (Number.isNaN(pageSize)) return ctx.fail(400, 'InvalidPaginationParameter', 'page[size] must be a positive integer');
    let afterId = 0;
    if (query['page[after]']) {
      const c = decode(query['page[after]']);
      if (!c || typeof c.id !== 'number' || typeof c.at !== 'number') return ctx.fail(400, 'InvalidPaginationParameter', 'Invalid cursor');
      if (ctx.now() - c.at > HOUR_MS) return ctx.fail(400, 'InvalidPaginationParameter', 'The cursor has expired: start the export again');
      afterId = c.id;
    }
    const all = find({ ...q, type: /** @type {any} */ (type) }).filter((f) => f.record.id > afterId);
    const items = all.slice(0, pageSize);
    const hasMore = all.length > items.length;
    const last = items.at(-1);
    const after = last ? encode({ id: last.record.id, at: ctx.now() }) : null;
    return ctx.json(200, {
      results: items.map((f) => result(f.kind, f.record)),
      facets: null,
      meta: { has_more: hasMore, after_cursor: after, before_cursor: null },
      links: {
        prev: null,
        next: hasMore && after ? `${origin}/api/v2/search/export.json?${qs({ query: query.query ?? '', 'filter[type]': type, 'page[size]': String(pageSize), 'page[after]': after })}` : null,
      },
    });
  }

  // ---------------------------------------------------------------- jobs

  /** @param {any} job */
  function presentJob(job) {
    return {
      id: job.id,
      url: job.url,
      job_type: job.job_type,
      total: job.total,
      progress: job.progress,
      status: job.status,
      message: job.message,
      results: job.status === 'completed' || job.status === 'failed' ? structuredClone(job.results) : null,
    };
  }

  /** Lists every tag list of an update body, normalised; or the name of a malformed one. */
  /** @param {Record<string, unknown>} t @returns {Record<string, string[]> | string} */
  function tagLists(t) {
    /** @type {Record<string, string[]>} */
    const lists = {};
    for (const key of ['tags', 'additional_tags', 'remove_tags']) {
      if (t[key] === undefined || t[key] === null) continue;
      const list = ctx.normaliseTags(t[key]);
      if (!list) return key;
      lists[key] = list;
    }
    return lists;
  }

  /**
   * PUT /api/v2/tickets/update_many?ids=..: validated at once, then queued as a job. The job
   * waits `jobQueueMs`, then changes `jobRecordsPerSecond` tickets a second, each with the
   * ticket's tags as they are at that moment (a delta: tags others add meanwhile stay). Each
   * ticket reports its own outcome: archived tickets and locked ones fail, the rest update.
   * @param {Record<string, string>} query @param {unknown} body @param {string} actor @param {string} origin
   */
  function updateMany(query, body, actor, origin) {
    const ids = (query.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.length) return ctx.fail(400, 'InvalidValue', 'Parameter ids is required');
    if (ids.length > 100) return ctx.fail(400, 'InvalidValue', 'Update Many accepts at most 100 tickets');
    if (!ids.every((s) => /^\d+$/.test(s))) return ctx.fail(400, 'InvalidValue', 'ids must be a comma-separated list of ticket ids');
    if (!isObject(body) || !isObject(body.ticket)) return ctx.fail(400, 'InvalidValue', 'Parameter ticket is required');
    const lists = tagLists(body.ticket);
    if (typeof lists === 'string') return ctx.fail(400, 'InvalidValue', `Parameter ${lists} must be a list of strings or a string`);
    const status = body.ticket.status;
    if (status !== undefined && (typeof status !== 'string' || !TICKET_STATUSES.includes(status))) {
      return ctx.fail(400, 'InvalidValue', `Status: ${String(status)} is not valid`);
    }
    const running = [...jobs.values()].filter((j) => j.status === 'queued' || j.status === 'working').length;
    if (running >= maxJobs) {
      return ctx.json(429, { error: 'TooManyJobs', description: `This account already has ${maxJobs} jobs queued or running. Wait for some to finish.` }, { 'retry-after': String(Math.max(1, Math.ceil(queueMs / 1000) + 1)) });
    }
    jobSeq += 1;
    const id = `${jobSeq.toString(16).padStart(8, '0')}${'0'.repeat(24)}`;
    const job = {
      id,
      url: `${origin}/api/v2/job_statuses/${id}.json`,
      job_type: 'Bulk Update',
      total: ids.length,
      progress: 0,
      status: 'queued',
      message: null,
      results: /** @type {any[]} */ ([]),
      createdAt: ctx.now(),
      ids: ids.map(Number),
      lists,
      ticketStatus: typeof status === 'string' ? status : undefined,
      actor,
    };
    jobs.set(id, job);
    const answer = presentJob(job);
    if (queueMs <= 0 && rate === Infinity) advance();
    return ctx.json(200, { job_status: answer });
  }

  /** @param {any} job @param {number} index */
  function applyOne(job, index) {
    const id = job.ids[index];
    const ticket = ctx.db().tickets.get(id);
    if (!ticket) return { index, id, success: false, status: 'Failed', error: 'TicketNotFound', details: 'Ticket not found' };
    if (ticket.archived) return { index, id, success: false, status: 'Failed', error: 'TicketArchived', details: 'Archived tickets cannot be updated' };
    const lock = locks.get(id) ?? 0;
    if (lock > 0) {
      locks.set(id, lock - 1);
      return { index, id, success: false, status: 'Failed', error: 'DatabaseConflict', details: 'Another update of this ticket held its lock. Try again.' };
    }
    if (ticket.status === 'closed' && job.ticketStatus && job.ticketStatus !== 'closed') {
      return { index, id, success: false, status: 'Failed', error: 'RecordInvalid', details: 'Status: closed prevents ticket update' };
    }
    let next = job.lists.tags ?? [...ticket.tags];
    for (const t of job.lists.additional_tags ?? []) if (!next.includes(t)) next = [...next, t];
    if (job.lists.remove_tags) next = next.filter((/** @type {string} */ t) => !job.lists.remove_tags.includes(t));
    const change = ctx.commit('ticket', ticket, next, job.actor, 'update_many');
    if (job.ticketStatus && job.ticketStatus !== ticket.status) {
      ticket.status = job.ticketStatus;
      if (!change) ticket.updated_at = ctx.nextStamp();
    }
    return { index, id, action: 'update', success: true, status: 'Updated' };
  }

  /** Brings every job to where it is by now, and forgets jobs older than a day. */
  function advance() {
    const t = ctx.now();
    for (const job of [...jobs.values()]) {
      if (t - job.createdAt > DAY_MS) {
        jobs.delete(job.id);
        continue;
      }
      if (job.status !== 'queued' && job.status !== 'working') continue;
      const elapsed = t - job.createdAt - queueMs;
      if (elapsed < 0) continue;
      const due = rate === Infinity ? job.total : Math.min(job.total, Math.floor((elapsed * rate) / 1000));
      job.status = 'working';
      while (job.progress < due) {
        job.results.push(applyOne(job, job.progress));
        job.progress += 1;
      }
      if (job.progress >= job.total) {
        job.status = 'completed';
        job.message = `Completed at ${ctx.isoSeconds(t)}`;
      }
    }
  }

  /** @param {string} id */
  function showJob(id) {
    const job = jobs.get(id);
    return job ? ctx.json(200, { job_status: presentJob(job) }) : ctx.fail(404, 'RecordNotFound', 'Not found');
  }

  /** @param {Record<string, string>} query */
  function showMany(query) {
    const ids = (query.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.length) return ctx.fail(400, 'InvalidValue', 'Parameter ids is required');
    if (ids.length > 100) return ctx.fail(400, 'InvalidValue', 'show_many accepts at most 100 ids');
    return ctx.json(200, { job_statuses: ids.flatMap((id) => (jobs.has(id) ? [presentJob(jobs.get(id))] : [])) });
  }

  /** GET /api/v2/job_statuses: the account's recent jobs (a day), newest first, 100 at most. */
  /** @param {Record<string, string>} query */
  function listJobs(query) {
    const perPage = size(query.per_page ?? query['page[size]'], 100, 100);
    if (Number.isNaN(perPage)) return ctx.fail(400, 'InvalidPaginationParameter', 'per_page must be a positive integer');
    const all = [...jobs.values()].reverse();
    return ctx.json(200, { job_statuses: all.slice(0, perPage).map(presentJob), next_page: null, previous_page: null, count: all.length });
  }

  // ---------------------------------------------------------------- Guide content tags

  /** @param {number} status @param {string} code @param {string} title */
  function guideError(status, code, title) {
    return ctx.json(status, { errors: [{ code, meta: {}, status: String(status), title }] });
  }
  const forbidden = () => guideError(403, 'Forbidden', 'Access to the resource is forbidden');
  const notFound = () => guideError(404, 'NotFound', 'The Resource could not be found');

  /** @param {unknown} name */
  function validName(name) {
    return typeof name === 'string' && name.trim() !== '' && name.trim().length <= 100;
  }

  function newContentTagId() {
    contentSeq += 1;
    const n = 900000 + contentSeq;
    return `01GFZ${n.toString(32).toUpperCase().padStart(21, '0')}`.slice(0, 26);
  }

  /**
   * /api/v2/guide/content_tags[...]
   * @param {string} method @param {string} rest path after content_tags ('' | '/count' | '/jobs' | '/{id}')
   * @param {Record<string, string>} query @param {unknown} body @param {string} origin
   */
  function contentTagsRoute(method, rest, query, body, origin) {
    const all = () => [...contentTags.values()];
    const prefix = (query['filter[name_prefix]'] ?? '').toLowerCase();
    const filtered = () => all().filter((t) => t.name.toLowerCase().startsWith(prefix));
    if (rest === '' && method === 'GET') {
      const sort = query.sort ?? 'id';
      const key = sort.replace(/^-/, '');
      if (!['id', 'name'].includes(key)) return guideError(400, 'BadRequest', 'Invalid property');
      const list = filtered().sort((a, b) => (/** @type {any} */ (a)[key] < /** @type {any} */ (b)[key] ? -1 : /** @type {any} */ (a)[key] > /** @type {any} */ (b)[key] ? 1 : 0));
      if (sort.startsWith('-')) list.reverse();
      const pageSize = size(query['page[size]'], 30, 100);
      if (Number.isNaN(pageSize)) return guideError(400, 'BadRequest', 'Invalid property');
      let start = 0;
      if (query['page[after]']) {
        const c = decode(query['page[after]']);
        if (!c || typeof c.o !== 'number') return guideError(400, 'BadRequest', 'Invalid property');
        start = c.o;
      }
      const records = list.slice(start, start + pageSize);
      const hasMore = start + records.length < list.length;
      return ctx.json(200, {
        meta: { has_more: hasMore, after_cursor: hasMore ? encode({ o: start + records.length }) : null, before_cursor: start > 0 ? encode({ o: Math.max(0, start - pageSize) }) : null },
        records: records.map((t) => ({ ...t })),
      });
    }
    if (rest === '/count' && method === 'GET') return ctx.json(200, { refreshed_at: ctx.isoSeconds(ctx.now()), value: filtered().length });
    if (rest === '' && method === 'POST') {
      if (guideRole !== 'manager') return forbidden();
      const name = isObject(body) && isObject(body.content_tag) ? body.content_tag.name : undefined;
      if (!validName(name)) return guideError(400, 'BadRequest', 'Invalid property');
      const clean = /** @type {string} */ (name).trim();
      if (all().some((t) => t.name.toLowerCase() === clean.toLowerCase())) return guideError(422, 'UnprocessibleEntity', 'A content tag with this name already exists');
      const at = ctx.isoSeconds(ctx.now());
      const tag = { id: newContentTagId(), name: clean, created_at: at, updated_at: at };
      contentTags.set(tag.id, tag);
      return ctx.json(201, { content_tag: { ...tag } });
    }
    if (rest === '/jobs' && method === 'POST') {
      if (guideRole !== 'manager') return forbidden();
      const job = isObject(body) && isObject(body.job) ? body.job : undefined;
      const items = job?.items;
      if (!job || !['delete', 'merge'].includes(String(job.action)) || !Array.isArray(items) || !items.length || !items.every((i) => typeof i === 'string')) {
        return guideError(400, 'BadRequest', 'Invalid property');
      }
      if (!items.every((i) => contentTags.has(i))) return notFound();
      if (job.action === 'merge') {
        const target = isObject(job.attributes) ? job.attributes.target_content_tag_id : undefined;
        if (typeof target !== 'string' || !contentTags.has(target) || items.includes(target)) return guideError(400, 'BadRequest', 'Invalid property');
      }
      for (const i of items) contentTags.delete(i);
      return ctx.json(201, { job: { results: [...items], status: 'completed' } });
    }
    const m = /^\/([^/]+)$/.exec(rest);
    if (!m) return ctx.fail(404, 'InvalidEndpoint', 'Not found');
    const tag = contentTags.get(m[1] ?? '');
    if (method === 'GET') return tag ? ctx.json(200, { content_tag: { ...tag } }) : notFound();
    if (method === 'PUT') {
      if (guideRole !== 'manager') return forbidden();
      if (!tag) return notFound();
      const name = isObject(body) && isObject(body.content_tag) ? body.content_tag.name : undefined;
      if (!validName(name)) return guideError(400, 'BadRequest', 'Invalid property');
      const clean = /** @type {string} */ (name).trim();
      if (all().some((t) => t.id !== tag.id && t.name.toLowerCase() === clean.toLowerCase())) return guideError(422, 'UnprocessibleEntity', 'A content tag with this name already exists');
      tag.name = clean;
      tag.updated_at = ctx.isoSeconds(ctx.now());
      return ctx.json(200, { content_tag: { ...tag } });
    }
    if (method === 'DELETE') {
      if (guideRole !== 'manager') return forbidden();
      if (!tag) return notFound();
      contentTags.delete(tag.id);
      return { status: 204, headers: {}, body: null };
    }
    void origin;
    return ctx.fail(405, 'MethodNotAllowed', `${method} is not allowed here`);
  }

  /**
   * The routes this module answers, or null when the path is not one of them.
   * @param {string} method @param {string} p path without query and .json
   * @param {Record<string, string>} query @param {unknown} body @param {string} actor @param {string} origin
   * @returns {ZendeskResponse | null}
   */
  function route(method, p, query, body, actor, origin) {
    if (p === '/api/v2/tickets/update_many') return method === 'PUT' ? updateMany(query, body, actor, origin) : ctx.fail(404, 'InvalidEndpoint', 'Not found');
    if (p.startsWith('/api/v2/guide/content_tags')) return contentTagsRoute(method, p.slice('/api/v2/guide/content_tags'.length), query, body, origin);
    if (method !== 'GET') return null;
    if (p === '/api/v2/search') return search(query, origin);
    if (p === '/api/v2/search/count') return searchCount(query);
    if (p === '/api/v2/search/export') return exportSearch(query, origin);
    if (p === '/api/v2/job_statuses') return listJobs(query);
    if (p === '/api/v2/job_statuses/show_many') return showMany(query);
    const m = /^\/api\/v2\/job_statuses\/([^/]+)$/.exec(p);
    if (m) return showJob(m[1] ?? '');
    return null;
  }

  return {
    reset,
    advance,
    route,
    control: {
      /** @param {number} perSecond @param {number} [queueDelayMs] */
      setJobSpeed(perSecond, queueDelayMs) {
        rate = perSecond > 0 ? perSecond : Infinity;
        if (queueDelayMs !== undefined) queueMs = Math.max(0, queueDelayMs);
      },
      /** @param {number} id @param {number} [times] */
      lockTicket(id, times = 1) {
        locks.set(id, times);
      },
      /** @param {'manager'|'agent'} role */
      setGuideRole(role) {
        guideRole = role === 'agent' ? 'agent' : 'manager';
      },
      jobs: () => [...jobs.values()].map(presentJob),
      contentTags: () => [...contentTags.values()].map((t) => ({ ...t })),
    },
  };
}
