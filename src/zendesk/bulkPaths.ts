/** The account-wide URLs of the Tag manager. Nothing outside src/zendesk/ builds one. */
import type { RecordKind } from '../domain/record';

const COLLECTION: Record<RecordKind, string> = { ticket: 'tickets', user: 'users', organization: 'organizations' };

function query(params: Record<string, string | number | null | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** Zendesk's search language: `tags:` finds records carrying the tag (tags hold no spaces). */
export function taggedQuery(kind: RecordKind, tag: string, extra = ''): string {
  return `type:${kind} tags:${tag}${extra ? ` ${extra}` : ''}`;
}

export const bulkPaths = {
  tags: (after: string | null, size = 100) => `/api/v2/tags.json?${query({ 'page[size]': size, 'page[after]': after })}`,
  tagCount: () => '/api/v2/tags/count.json',
  accountSettings: () => '/api/v2/account/settings.json',
  searchCount: (q: string) => `/api/v2/search/count.json?${query({ query: q })}`,
  search: (q: string, perPage: number) => `/api/v2/search.json?${query({ query: q, per_page: perPage })}`,
  exportSearch: (kind: RecordKind, tag: string, after: string | null, size = 100) =>
    `/api/v2/search/export.json?${query({ query: `tags:${tag}`, 'filter[type]': kind, 'page[size]': size, 'page[after]': after })}`,
  updateMany: (ids: readonly number[]) => `/api/v2/tickets/update_many.json?${query({ ids: ids.join(',') })}`,
  jobStatus: (id: string) => `/api/v2/job_statuses/${encodeURIComponent(id)}.json`,
  jobStatusesShowMany: (ids: readonly string[]) => `/api/v2/job_statuses/show_many.json?${query({ ids: ids.join(',') })}`,
  jobStatuses: () => '/api/v2/job_statuses.json',
  ticketAudits: (id: number) => `/api/v2/tickets/${id}/audits.json?${query({ sort_order: 'desc' })}`,
  recordTags: (kind: RecordKind, id: number) => `/api/v2/${COLLECTION[kind]}/${id}/tags.json`,
  contentTags: (prefix: string, after: string | null, size = 100) =>
    `/api/v2/guide/content_tags?${query({ 'filter[name_prefix]': prefix, sort: 'name', 'page[size]': size, 'page[after]': after })}`,
  contentTagsCount: (prefix: string) => `/api/v2/guide/content_tags/count?${query({ 'filter[name_prefix]': prefix })}`,
  contentTag: (id: string) => `/api/v2/guide/content_tags/${encodeURIComponent(id)}`,
  contentTagsCreate: () => '/api/v2/guide/content_tags',
  contentTagsJobs: () => '/api/v2/guide/content_tags/jobs',
};
