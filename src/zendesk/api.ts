/**
 * The Zendesk API layer: the only code that knows URLs, bodies and answer shapes.
 * Every call goes through the agent's ZAF session (client.request); no credentials.
 */
import { ApiError } from '../domain/errors';
import type { RecordRef, Snapshot } from '../domain/record';
import type { AutocompleteAnswer } from '../domain/suggest';
import type { TagBackend } from '../domain/sync/backend';
import type { HttpMethod, ZafClient, ZafResponse } from '../zaf/client';
import { jsonRequest } from './jsonRequest';
import { failureHeaders, toApiError } from './failure';
import { paths } from './paths';
import { createRateBudget, type RateBudget } from './rateBudget';

export interface PopularTag {
  readonly name: string;
  readonly count: number;
}

export interface TicketFieldTag {
  /** The field's title, e.g. "Product". */
  readonly field: string;
  /** The option's name, e.g. "Printer"; for a checkbox, the field title. */
  readonly option: string;
  readonly tag: string;
}

/** The shape a cached copy of `popularTags()` must have to be used. */
export function isPopularTagList(value: unknown): value is PopularTag[] {
  return Array.isArray(value) && value.every((item) => typeof field<unknown>(item, 'name') === 'string' && typeof field<unknown>(item, 'count') === 'number');
}

/** The shape a cached copy of `ticketFieldTags()` must have to be used. */
export function isTicketFieldTagList(value: unknown): value is TicketFieldTag[] {
  return (
    Array.isArray(value) &&
    value.every((item) => ['field', 'option', 'tag'].every((key) => typeof field<unknown>(item, key) === 'string'))
  );
}

export interface ZendeskApi extends TagBackend {
  /** Names that start with `prefix` (one page), and whether that is all of them. */
  autocomplete(prefix: string): Promise<AutocompleteAnswer>;
  /** The most used tags, most popular first (one page). */
  popularTags(pageSize?: number): Promise<PopularTag[]>;
  /** Tags that back drop-down and checkbox ticket field options. */
  ticketFieldTags(): Promise<TicketFieldTag[]>;
  /**
   * The account's "Tags on users and organizations" setting (`settings.user.tagging`);
   * undefined when the answer does not say.
   */
  userTaggingEnabled(): Promise<boolean | undefined>;
  /** The account's API budget as the newest answer reported it. */
  readonly rateBudget: RateBudget;
}

export interface ZendeskApiOptions {
  /** Milliseconds before ZAF gives up on a request (it then fails with status 0 "timeout"). */
  timeoutMs?: number;
  /** Shared by every API object of this app instance (one is made when absent). */
  rateBudget?: RateBudget;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** An answer we cannot read: the request's outcome is unknown, as after a 5xx. */
function malformed(what: string): ApiError {
  return new ApiError({ kind: 'server', status: 200, code: 'MalformedAnswer', message: `Unexpected answer from Zendesk: ${what}` });
}

function tagsOf(json: unknown): string[] {
  const tags = (json as { tags?: unknown } | null)?.tags;
  if (!isStringArray(tags)) throw malformed('no tags list');
  return tags;
}

/** A record's answer must be about the record asked for: tags of another are refused. */
function ofRecord(json: unknown, ref: RecordRef): unknown {
  const record = field<unknown>(json, ref.kind);
  const id = field<unknown>(record, 'id');
  if (id !== undefined && id !== ref.id) throw malformed(`an answer about ${ref.kind} ${String(id)}, not ${ref.id}`);
  return record;
}

function field<T>(json: unknown, key: string): T | undefined {
  return json && typeof json === 'object' ? ((json as Record<string, unknown>)[key] as T | undefined) : undefined;
}

export function createZendeskApi(client: ZafClient, options: ZendeskApiOptions = {}): ZendeskApi {
  const timeout = options.timeoutMs ?? 20_000;
  const rateBudget = options.rateBudget ?? createRateBudget();

  /**
   * Requests the agent can do without (suggestions, refreshes) wait while the account's
   * budget is low: they fail at once, without a request, as a 429 would.
   */
  function holdBackWhenLow(): void {
    if (!rateBudget.isLow()) return;
    throw new ApiError({
      kind: 'rate_limited',
      status: 0,
      retryAfterSeconds: Math.max(1, Math.ceil(rateBudget.lowForMs() / 1000)),
      message: "Held back: little of the account's API limit is left, saves go first",
    });
  }

  async function call(method: HttpMethod, url: string, body?: unknown): Promise<ZafResponse> {
    try {
      // The sync engine waits Retry-After itself and says so, while the screen shows "waiting".
      const response = await client.request(jsonRequest(method, url, body, timeout, false));
      rateBudget.observe(response.headers);
      return response;
    } catch (failure) {
      rateBudget.observe(failureHeaders(failure));
      throw toApiError(failure);
    }
  }

  function writeBody(ref: RecordRef, tags: readonly string[], stamp: string | undefined): Record<string, unknown> {
    // safe_update is documented for tickets only; users and organizations would ignore it.
    if (ref.kind === 'ticket' && stamp !== undefined) {
      return { tags, safe_update: true, updated_stamp: stamp };
    }
    return { tags };
  }

  return {
    rateBudget,

    async read(ref: RecordRef): Promise<Snapshot> {
      if (ref.kind === 'ticket') {
        // The ticket carries tags, stamp and status in one answer; /tags has only tags.
        const response = await call('GET', paths.record(ref));
        const ticket = ofRecord(response.responseJSON, ref);
        const updatedAt = field<unknown>(ticket, 'updated_at');
        return {
          tags: tagsOf(ticket),
          ...(typeof updatedAt === 'string' ? { stamp: updatedAt } : {}),
          closed: field<unknown>(ticket, 'status') === 'closed',
        };
      }
      const response = await call('GET', paths.tags(ref));
      return { tags: tagsOf(response.responseJSON) };
    },

    async add(ref, tags, stamp) {
      const response = await call('PUT', paths.tags(ref), writeBody(ref, tags, stamp));
      return tagsOf(response.responseJSON);
    },

    async remove(ref, tags, stamp) {
      const response = await call('DELETE', paths.tags(ref), writeBody(ref, tags, stamp));
      // The documented answer is 204 No Content; some accounts answer 200 with the tags.
      // Anything else (a 200 with HTML or nothing) does not say the tags are gone.
      if (response.status === 204) return null;
      return tagsOf(response.responseJSON);
    },

    async autocomplete(prefix) {
      holdBackWhenLow();
      const response = await call('GET', paths.autocomplete(prefix));
      const tags = tagsOf(response.responseJSON);
      const next = field<unknown>(response.responseJSON, 'next_page');
      // Only an answer that names its next page (or says there is none) is exact about it.
      if (next === null) return { tags, complete: true };
      if (typeof next === 'string') return { tags, complete: false };
      return { tags };
    },

    async popularTags(pageSize = 100) {
      holdBackWhenLow();
      const response = await call('GET', paths.popularTags(pageSize));
      const raw = field<unknown>(response.responseJSON, 'tags');
      if (!Array.isArray(raw)) throw malformed('no popular tags list');
      return raw.flatMap((item: unknown) => {
        const name = field<unknown>(item, 'name');
        const count = field<unknown>(item, 'count');
        return typeof name === 'string' ? [{ name, count: typeof count === 'number' ? count : 0 }] : [];
      });
    },

    async userTaggingEnabled() {
      const response = await call('GET', paths.accountSettings());
      const settings = field<unknown>(response.responseJSON, 'settings');
      if (!settings || typeof settings !== 'object') throw malformed('no settings');
      const tagging = field<unknown>(field<unknown>(settings, 'user'), 'tagging');
      return typeof tagging === 'boolean' ? tagging : undefined;
    },

    async ticketFieldTags() {
      const response = await call('GET', paths.ticketFields());
      const fields = field<unknown>(response.responseJSON, 'ticket_fields');
      if (!Array.isArray(fields)) throw malformed('no ticket_fields list');
      const out: TicketFieldTag[] = [];
      for (const f of fields) {
        const title = field<unknown>(f, 'title');
        if (typeof title !== 'string' || field<unknown>(f, 'active') === false) continue;
        const checkboxTag = field<unknown>(f, 'tag');
        if (field<unknown>(f, 'type') === 'checkbox' && typeof checkboxTag === 'string' && checkboxTag) {
          out.push({ field: title, option: title, tag: checkboxTag });
        }
        const options = field<unknown>(f, 'custom_field_options');
        if (Array.isArray(options)) {
          for (const option of options) {
            const name = field<unknown>(option, 'name');
            const value = field<unknown>(option, 'value');
            if (typeof name === 'string' && typeof value === 'string' && value) {
              out.push({ field: title, option: name, tag: value });
            }
          }
        }
      }
      return out;
    },
  };
}
