/**
 * Guide (Help Center) content tags: a page of them by name prefix, their count, rename (one PUT:
 * content tags have ids), delete, and merge through a content tags job. Answers are checked
 * here. The Help Center API answers errors in JSON:API shape (`errors[]`), read here (the
 * sidebars' error reading, shared with every location, stays as small as it is).
 */
import { ApiError } from '../domain/errors';
import type { HttpMethod, ZafClient, ZafResponse } from '../zaf/client';
import { jsonRequest } from './jsonRequest';
import { bulkPaths } from './bulkPaths';
import { toApiError } from './failure';

export interface ContentTag {
  readonly id: string;
  readonly name: string;
}

export interface ContentTagPage {
  readonly tags: readonly ContentTag[];
  readonly after: string | null;
}

export interface ContentTagsApi {
  /** Content tags whose name starts with `prefix` (case-insensitive), by name. */
  page(prefix: string, after: string | null): Promise<ContentTagPage>;
  count(prefix: string): Promise<number>;
  rename(id: string, name: string): Promise<ContentTag>;
  remove(id: string): Promise<void>;
  /** Folds `ids` into `targetId`: Zendesk moves their posts and articles to it and deletes them. */
  merge(ids: readonly string[], targetId: string): Promise<void>;
}

function malformed(what: string): ApiError {
  return new ApiError({ kind: 'server', status: 200, message: `Unexpected answer from Zendesk: ${what}` });
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `{ errors: [{ code, status, title, detail }] }` → Zendesk's own words and code. */
function jsonApiError(failure: unknown): ApiError {
  const base = toApiError(failure);
  const body = obj(obj(failure)?.responseJSON);
  const errors = Array.isArray(body?.errors) ? body.errors.map(obj) : [];
  const text = errors
    .map((e) => [e?.title, e?.detail].filter((part): part is string => typeof part === 'string' && part !== '').join(': '))
    .filter((part) => part !== '')
    .join('; ');
  const code = errors[0]?.code;
  if (!text && typeof code !== 'string') return base;
  return new ApiError({
    kind: base.kind,
    status: base.status,
    message: `HTTP ${base.status}: ${text}`.slice(0, 220),
    ...(base.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: base.retryAfterSeconds }),
    ...(base.forbiddenReason === undefined ? {} : { forbiddenReason: base.forbiddenReason }),
    ...(typeof code === 'string' ? { code } : base.code === undefined ? {} : { code: base.code }),
  });
}

function contentTag(raw: unknown): ContentTag {
  const t = obj(raw);
  if (!t || typeof t.id !== 'string' || typeof t.name !== 'string') throw malformed('a content tag without id or name');
  return { id: t.id, name: t.name };
}

export function createContentTagsApi(client: ZafClient, options: { timeoutMs?: number } = {}): ContentTagsApi {
  const timeout = options.timeoutMs ?? 30_000;

  async function call(method: HttpMethod, url: string, body?: unknown): Promise<Record<string, unknown> | undefined> {
    let response: ZafResponse;
    try {
      response = await client.request(jsonRequest(method, url, body, timeout));
    } catch (failure) {
      throw jsonApiError(failure);
    }
    return obj(response.responseJSON);
  }

  async function json(method: HttpMethod, url: string, body?: unknown): Promise<Record<string, unknown>> {
    const answer = await call(method, url, body);
    if (!answer) throw malformed(`no JSON object for ${method} ${url.split('?')[0]}`);
    return answer;
  }

  return {
    async page(prefix, after) {
      const answer = await json('GET', bulkPaths.contentTags(prefix, after));
      if (!Array.isArray(answer.records)) throw malformed('no content tag records');
      const meta = obj(answer.meta);
      const next = meta?.has_more === true ? meta.after_cursor : null;
      if (next !== null && (typeof next !== 'string' || !next)) throw malformed('has_more without after_cursor');
      return { tags: answer.records.map(contentTag), after: next };
    },

    async count(prefix) {
      const answer = await json('GET', bulkPaths.contentTagsCount(prefix));
      if (typeof answer.value !== 'number') throw malformed('no content tag count');
      return answer.value;
    },

    async rename(id, name) {
      const answer = await json('PUT', bulkPaths.contentTag(id), { content_tag: { name } });
      return contentTag(answer.content_tag);
    },

    async remove(id) {
      // 204 No Content on success: nothing to read.
      await call('DELETE', bulkPaths.contentTag(id));
    },

    async merge(ids, targetId) {
      const answer = await json('POST', bulkPaths.contentTagsJobs(), { job: { action: 'merge', items: ids, attributes: { target_content_tag_id: targetId } } });
      const job = obj(answer.job);
      if (!job || typeof job.status !== 'string') throw malformed('no content tags job');
      if (job.status === 'failed') throw new ApiError({ kind: 'server', status: 200, message: 'Zendesk could not merge the content tags' });
    },
  };
}
