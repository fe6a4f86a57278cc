/**
 * The Tag manager's calls to Zendesk: the account's tags, search counts and samples, Export
 * Search Results, Update Many Tickets, job statuses, ticket audits. Every answer's shape is
 * checked here; what goes up is typed, and each answer carries what its rate-limit headers said.
 */
import { ApiError } from '../domain/errors';
import type { TagDelta } from '../domain/bulk/operation';
import type { RateInfo } from '../domain/bulk/pacer';
import type { Answer, FoundPage, JobRecordResult, JobState, JobStatusValue, TagChange, TicketBulkBackend } from '../domain/bulk/types';
import type { OwnerKind, RecordBulkBackend } from '../domain/bulk/recordRun';
import type { HttpMethod, ZafClient, ZafResponse } from '../zaf/client';
import { jsonRequest } from './jsonRequest';
import { bulkPaths, taggedQuery } from './bulkPaths';
import { toApiError } from './failure';

export interface AccountTag {
  readonly name: string;
  readonly count: number;
}

export interface TagPage {
  readonly tags: readonly AccountTag[];
  readonly after: string | null;
}

export interface TicketCounts {
  readonly total: number;
  readonly closed: number;
}


export interface OwnerCounts {
  readonly users: number;
  readonly organizations: number;
}

export interface BulkApi extends TicketBulkBackend, RecordBulkBackend {
  /** "Tags on users and organizations" (Admin Center > People > Configuration > End users). */
  ownerTaggingOn(): Promise<boolean>;
  /** Users and organizations carrying the tag. */
  ownerCounts(tag: string): Promise<OwnerCounts>;
  accountTags(after: string | null): Promise<Answer<TagPage>>;
  /** How many tags the account has (Zendesk's count; approximate above 100,000). */
  tagCount(): Promise<number>;
  /** Tickets carrying the tag, in total and closed (the rest are not closed). */
  ticketCounts(tag: string): Promise<TicketCounts>;
  /** A few ids of tickets carrying the tag (plain search, first page). */
  sampleTickets(tag: string, size?: number): Promise<number[]>;
  /** The account's recent job statuses (Zendesk keeps them about a day), newest first. */
  recentJobs(): Promise<JobState[]>;
  /** The tag change of the newest audit of a ticket made through the API, if there is one. */
  lastApiTagChange(ticketId: number): Promise<TagChange | null>;
}

function malformed(what: string): ApiError {
  return new ApiError({ kind: 'server', status: 200, message: `Unexpected answer from Zendesk: ${what}` });
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function header(headers: Record<string, string> | undefined, ...names: string[]): number | undefined {
  if (!headers) return undefined;
  for (const name of names) {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() !== name) continue;
      const n = Number(String(value).trim());
      if (Number.isFinite(n)) return n;
    }
  }
  return undefined;
}

/** Zendesk names its budget in `x-rate-limit*` and in the standard `ratelimit-*` headers. */
export function rateOf(headers: Record<string, string> | undefined): RateInfo | undefined {
  const limit = header(headers, 'ratelimit-limit', 'x-rate-limit');
  const remaining = header(headers, 'ratelimit-remaining', 'x-rate-limit-remaining');
  const resetSeconds = header(headers, 'ratelimit-reset');
  if (limit === undefined && remaining === undefined) return undefined;
  return { ...(limit === undefined ? {} : { limit }), ...(remaining === undefined ? {} : { remaining }), ...(resetSeconds === undefined ? {} : { resetSeconds }) };
}

const JOB_STATUSES: readonly JobStatusValue[] = ['queued', 'working', 'failed', 'completed', 'killed'];

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** Zendesk documents the success shape of a job's result only; read the failed one defensively. */
function jobResult(raw: unknown): JobRecordResult | null {
  const r = obj(raw);
  const id = r?.id;
  if (!r || typeof id !== 'number' || !Number.isInteger(id)) return null;
  const failed = r.success === false || r.error !== undefined || r.errors !== undefined;
  const success = r.success === true || (!failed && r.status !== undefined && /updated/i.test(text(r.status)));
  const words = success ? text(r.status) || 'Updated' : [text(r.error), text(r.details ?? r.errors), r.error === undefined ? text(r.status) : ''].filter(Boolean).join(': ');
  return { id, success, message: words || 'Failed' };
}

export function parseJobStatus(raw: unknown): JobState {
  const j = obj(raw);
  const id = j?.id;
  const status = j?.status;
  if (!j || typeof id !== 'string' || typeof status !== 'string' || !(JOB_STATUSES as readonly string[]).includes(status)) throw malformed('no job status');
  const results = Array.isArray(j.results) ? j.results.map(jobResult).filter((r): r is JobRecordResult => r !== null) : null;
  return {
    id,
    status: status as JobStatusValue,
    progress: typeof j.progress === 'number' ? j.progress : 0,
    total: typeof j.total === 'number' ? j.total : 0,
    results,
    message: typeof j.message === 'string' ? j.message : null,
    ...(typeof j.job_type === 'string' ? { jobType: j.job_type } : {}),
  };
}

/** Export Search Results names its cursor in meta (and in links.next). */
function cursorOf(json: Record<string, unknown>): string | null {
  const meta = obj(json.meta);
  if (meta?.has_more !== true) return null;
  const after = meta.after_cursor;
  if (typeof after !== 'string' || !after) throw malformed('has_more without after_cursor');
  return after;
}

export function createBulkApi(client: ZafClient, options: { timeoutMs?: number } = {}): BulkApi {
  const timeout = options.timeoutMs ?? 30_000;

  async function call(method: HttpMethod, url: string, body?: unknown): Promise<{ json: Record<string, unknown>; rate: RateInfo | undefined }> {
    let response: ZafResponse;
    try {
      // The planner paces itself and honours Retry-After; ZAF's silent retries would hide both.
      response = await client.request(jsonRequest(method, url, body, timeout, false));
    } catch (failure) {
      throw toApiError(failure);
    }
    const json = obj(response.responseJSON);
    if (!json) throw malformed(`no JSON object for ${method} ${url.split('?')[0]}`);
    const rate = rateOf(response.headers);
    return { json, rate };
  }

  const withRate = <T>(value: T, rate: RateInfo | undefined): Answer<T> => (rate ? { value, rate } : { value });

  /** A call whose success has no body to read (204). */
  async function callNoBody(method: HttpMethod, url: string, body: unknown): Promise<RateInfo | undefined> {
    try {
      const response = await client.request(jsonRequest(method, url, body, timeout, false));
      return rateOf(response.headers);
    } catch (failure) {
      throw toApiError(failure);
    }
  }

  async function exportTagged(kind: 'ticket' | OwnerKind, tag: string, after: string | null): Promise<Answer<FoundPage>> {
    const { json, rate } = await call('GET', bulkPaths.exportSearch(kind, tag, after));
    if (!Array.isArray(json.results)) throw malformed('no export results');
    const records = json.results.map((r: unknown) => {
      const t = obj(r);
      const tags = stringList(t?.tags);
      if (!t || typeof t.id !== 'number' || !tags) throw malformed('an export result without id or tags');
      return { id: t.id, tags };
    });
    return withRate({ records, after: cursorOf(json) }, rate);
  }

  async function count(q: string): Promise<number> {
    const { json } = await call('GET', bulkPaths.searchCount(q));
    const n = typeof json.count === 'number' ? json.count : obj(json.count)?.value;
    if (typeof n !== 'number') throw malformed('no search count');
    return n;
  }

  return {
    async accountTags(after) {
      const { json, rate } = await call('GET', bulkPaths.tags(after));
      if (!Array.isArray(json.tags)) throw malformed('no tags list');
      const tags = json.tags.flatMap((item: unknown) => {
        const t = obj(item);
        return t && typeof t.name === 'string' ? [{ name: t.name, count: typeof t.count === 'number' ? t.count : 0 }] : [];
      });
      return withRate({ tags, after: cursorOf(json) }, rate);
    },

    async tagCount() {
      const { json } = await call('GET', bulkPaths.tagCount());
      const value = obj(json.count)?.value;
      if (typeof value !== 'number') throw malformed('no tag count');
      return value;
    },

    async ticketCounts(tag) {
      const [total, closed] = await Promise.all([count(taggedQuery('ticket', tag)), count(taggedQuery('ticket', tag, 'status:closed'))]);
      return { total, closed: Math.min(closed, total) };
    },

    async sampleTickets(tag, size = 10) {
      const { json } = await call('GET', bulkPaths.search(taggedQuery('ticket', tag), size));
      if (!Array.isArray(json.results)) throw malformed('no search results');
      return json.results.flatMap((r: unknown) => {
        const id = obj(r)?.id;
        return typeof id === 'number' ? [id] : [];
      });
    },

    async ownerTaggingOn() {
      const { json } = await call('GET', bulkPaths.accountSettings());
      return obj(obj(json.settings)?.user)?.tagging === true;
    },

    async ownerCounts(tag) {
      const [users, organizations] = await Promise.all([count(taggedQuery('user', tag)), count(taggedQuery('organization', tag))]);
      return { users, organizations };
    },

    exportRecordsTagged: (kind: OwnerKind, tag, after) => exportTagged(kind, tag, after),

    async addTags(kind, id, tags) {
      const { json, rate } = await call('PUT', bulkPaths.recordTags(kind, id), { tags });
      const now = stringList(json.tags);
      if (!now) throw malformed('no tags list');
      return withRate(now, rate);
    },

    async removeTags(kind, id, tags) {
      // The documented answer is 204 No Content: no JSON to check.
      const rate = await callNoBody('DELETE', bulkPaths.recordTags(kind, id), { tags });
      return withRate(null, rate);
    },

    exportTicketsTagged: (tag, after) => exportTagged('ticket', tag, after),

    async updateMany(ids, delta: TagDelta) {
      const { json, rate } = await call('PUT', bulkPaths.updateMany(ids), { ticket: { additional_tags: delta.add, remove_tags: delta.remove } });
      return withRate(parseJobStatus(json.job_status), rate);
    },

    async jobStatuses(ids) {
      const { json, rate } = await call('GET', bulkPaths.jobStatusesShowMany(ids));
      if (!Array.isArray(json.job_statuses)) throw malformed('no job_statuses list');
      return withRate(json.job_statuses.map(parseJobStatus), rate);
    },

    async recentJobs() {
      const { json } = await call('GET', bulkPaths.jobStatuses());
      if (!Array.isArray(json.job_statuses)) throw malformed('no job_statuses list');
      return json.job_statuses.map(parseJobStatus);
    },

    async lastApiTagChange(ticketId) {
      const { json } = await call('GET', bulkPaths.ticketAudits(ticketId));
      if (!Array.isArray(json.audits)) throw malformed('no audits list');
      const audits = json.audits.map(obj).filter((a): a is Record<string, unknown> => a !== undefined);
      // Newest first whatever order the server used.
      audits.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')) || Number(b.id ?? 0) - Number(a.id ?? 0));
      for (const audit of audits) {
        if (obj(audit.via)?.channel !== 'api') continue;
        const events = Array.isArray(audit.events) ? audit.events.map(obj) : [];
        const change = events.find((e) => e?.type === 'Change' && e.field_name === 'tags');
        const after = stringList(change?.value);
        const before = stringList(change?.previous_value);
        if (!after || !before) continue;
        return { added: after.filter((t) => !before.includes(t)), removed: before.filter((t) => !after.includes(t)) };
      }
      return null;
    },
  };
}
