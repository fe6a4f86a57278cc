import { describe, expect, it } from 'vitest';
import { ApiError } from '../domain/errors';
import type { ZafClient, ZafRequestOptions, ZafResponse } from '../zaf/client';
import { createZendeskApi } from './api';
import { parseRetryAfter, toApiError } from './failure';

type Answer = { ok: ZafResponse } | { fail: unknown };

function recordingClient(answers: Answer[]) {
  const sent: ZafRequestOptions[] = [];
  const client = {
    request: async (options: ZafRequestOptions) => {
      sent.push(options);
      const answer = answers.shift();
      if (!answer) throw new Error('no answer queued');
      if ('fail' in answer) throw answer.fail;
      return answer.ok;
    },
  } as unknown as ZafClient;
  return { client, sent };
}

describe('Zendesk API requests', () => {
  it('adds ticket tags with a safe update and no silent ZAF retry', async () => {
    const { client, sent } = recordingClient([{ ok: { status: 200, responseJSON: { tags: ['a', 'b'] } } }]);
    const tags = await createZendeskApi(client).add({ kind: 'ticket', id: 7 }, ['b'], '2026-01-01T00:00:00Z');
    expect(tags).toEqual(['a', 'b']);
    expect(sent[0]).toMatchObject({ url: '/api/v2/tickets/7/tags.json', type: 'PUT', autoRetry: false, httpCompleteResponse: true });
    expect(JSON.parse(sent[0]!.data!)).toEqual({ tags: ['b'], safe_update: true, updated_stamp: '2026-01-01T00:00:00Z' });
  });

  it('does not send safe_update for users and organizations', async () => {
    const { client, sent } = recordingClient([{ ok: { status: 204 } }]);
    const after = await createZendeskApi(client).remove({ kind: 'organization', id: 3 }, ['x'], 'stamp');
    expect(after).toBeNull();
    expect(sent[0]).toMatchObject({ url: '/api/v2/organizations/3/tags.json', type: 'DELETE' });
    expect(JSON.parse(sent[0]!.data!)).toEqual({ tags: ['x'] });
  });

  it('reads a ticket as tags, stamp and closed flag in one request', async () => {
    const { client, sent } = recordingClient([
      { ok: { status: 200, responseJSON: { ticket: { tags: ['x'], updated_at: 'S1', status: 'closed' } } } },
    ]);
    expect(await createZendeskApi(client).read({ kind: 'ticket', id: 1 })).toEqual({ tags: ['x'], stamp: 'S1', closed: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('/api/v2/tickets/1.json');
  });

  it('encodes the autocomplete prefix', async () => {
    const { client, sent } = recordingClient([{ ok: { status: 200, responseJSON: { tags: ['a&b'] } } }]);
    expect(await createZendeskApi(client).autocomplete('a&b')).toEqual({ tags: ['a&b'] });
    expect(sent[0]!.url).toBe('/api/v2/autocomplete/tags.json?name=a%26b');
  });

  it('says an autocomplete answer is complete only when Zendesk says whether a next page exists', async () => {
    const { client } = recordingClient([
      { ok: { status: 200, responseJSON: { tags: ['pr1'], next_page: null } } },
      { ok: { status: 200, responseJSON: { tags: ['pr1'], next_page: 'https://x.zendesk.com/api/v2/autocomplete/tags.json?name=pr&page=2' } } },
    ]);
    const api = createZendeskApi(client);
    expect(await api.autocomplete('pr')).toEqual({ tags: ['pr1'], complete: true });
    expect(await api.autocomplete('pr')).toEqual({ tags: ['pr1'], complete: false });
  });

  it('rejects an answer without a tags list instead of showing nothing', async () => {
    const { client } = recordingClient([{ ok: { status: 200, responseJSON: { nope: 1 } } }]);
    await expect(createZendeskApi(client).read({ kind: 'user', id: 1 })).rejects.toMatchObject({ kind: 'server' });
  });

  it('takes a 200 on DELETE that is not a tags list (HTML, nothing) as an unknown outcome, not as done', async () => {
    const { client } = recordingClient([
      { ok: { status: 200, responseText: '<!DOCTYPE html><html><body>Maintenance</body></html>' } },
      { ok: { status: 200, responseText: '' } },
    ]);
    const api = createZendeskApi(client);
    await expect(api.remove({ kind: 'ticket', id: 7 }, ['x'], 'S1')).rejects.toMatchObject({ kind: 'server', status: 200, code: 'MalformedAnswer' });
    await expect(api.remove({ kind: 'user', id: 7 }, ['x'], undefined)).rejects.toMatchObject({ kind: 'server', status: 200 });
  });

  it('refuses a read that answers about another record', async () => {
    const { client } = recordingClient([{ ok: { status: 200, responseJSON: { ticket: { id: 8, tags: ['theirs'], updated_at: 'S1' } } } }]);
    await expect(createZendeskApi(client).read({ kind: 'ticket', id: 7 })).rejects.toMatchObject({ kind: 'server', code: 'MalformedAnswer' });
  });

  it('lists tags that back ticket field options', async () => {
    const { client } = recordingClient([
      {
        ok: {
          status: 200,
          responseJSON: {
            ticket_fields: [
              { title: 'Product', type: 'tagger', custom_field_options: [{ name: 'Printer', value: 'product_printer' }] },
              { title: 'Escalated', type: 'checkbox', tag: 'escalated' },
              { title: 'Old', type: 'checkbox', tag: 'old', active: false },
            ],
          },
        },
      },
    ]);
    expect(await createZendeskApi(client).ticketFieldTags()).toEqual([
      { field: 'Product', option: 'Printer', tag: 'product_printer' },
      { field: 'Escalated', option: 'Escalated', tag: 'escalated' },
    ]);
  });

  it('turns a ZAF failure into a typed error', async () => {
    const { client } = recordingClient([{ fail: { status: 429, responseText: 'Too Many Requests', headers: { 'retry-after': '7' } } }]);
    const error = await createZendeskApi(client).add({ kind: 'user', id: 1 }, ['a'], undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
  });
});

describe('the account rate budget', () => {
  const low = { 'x-rate-limit': '700', 'x-rate-limit-remaining': '120' };

  it('is read from every answer, successes and failures alike', async () => {
    const { client } = recordingClient([
      { ok: { status: 200, responseJSON: { tags: [] }, headers: { 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '600' } } },
      { fail: { status: 500, responseText: 'oops', headers: low } },
    ]);
    const api = createZendeskApi(client);
    await api.read({ kind: 'user', id: 1 });
    expect(api.rateBudget.reading()?.remaining).toBe(600);
    await api.read({ kind: 'user', id: 1 }).catch(() => undefined);
    expect(api.rateBudget.isLow()).toBe(true);
  });

  it('under 20 % left, asks for no suggestions but still saves', async () => {
    const { client, sent } = recordingClient([
      { ok: { status: 200, responseJSON: { tags: ['a'] }, headers: low } },
      { ok: { status: 200, responseJSON: { tags: ['a', 'b'] }, headers: low } },
    ]);
    const api = createZendeskApi(client);
    await api.add({ kind: 'user', id: 1 }, ['a'], undefined);
    await expect(api.autocomplete('bil')).rejects.toMatchObject({ kind: 'rate_limited' });
    await expect(api.popularTags()).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(await api.add({ kind: 'user', id: 1 }, ['b'], undefined)).toEqual(['a', 'b']);
    expect(sent.map((o) => o.type)).toEqual(['PUT', 'PUT']);
  });

  it("takes the ticket-update limiter's plain-text 429 as that ticket's wait, not the account's", async () => {
    const { client } = recordingClient([
      { fail: { status: 429, statusText: 'Too Many Requests', responseText: 'Too Many Requests', headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '93' } } },
      { ok: { status: 200, responseJSON: { tags: ['bill'], next_page: null } } },
    ]);
    const api = createZendeskApi(client);
    const error = await api.add({ kind: 'ticket', id: 4 }, ['x'], 'S1').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 93, status: 429 });
    expect(api.rateBudget.isLow()).toBe(false);
    expect(await api.autocomplete('bil')).toEqual({ tags: ['bill'], complete: true });
  });

  it("reads a failure's headers through getResponseHeader too", async () => {
    const failure = { status: 429, responseText: 'Too Many Requests', getResponseHeader: (name: string) => ({ 'retry-after': '4', 'x-rate-limit': '700', 'x-rate-limit-remaining': '0' })[name.toLowerCase()] ?? null };
    const { client } = recordingClient([{ fail: failure }]);
    const api = createZendeskApi(client);
    await expect(api.read({ kind: 'ticket', id: 1 })).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 4 });
    expect(api.rateBudget.isLow()).toBe(true);
  });
});

describe('failure classification', () => {
  it.each([
    [{ status: 409, responseJSON: { error: 'UpdateConflict' } }, 'conflict'],
    [{ status: 409, responseJSON: { error: 'DatabaseConflict' } }, 'conflict'],
    [{ status: 404, responseJSON: { error: 'RecordNotFound' } }, 'not_found'],
    [{ status: 422, responseJSON: { error: 'RecordInvalid', description: 'Ticket is closed' } }, 'closed'],
    [{ status: 422, responseJSON: { error: 'RecordInvalid', description: 'Tag too long' } }, 'invalid'],
    [{ status: 503 }, 'server'],
    [{ status: 0, statusText: 'timeout' }, 'timeout'],
    [{ status: 0, statusText: 'error' }, 'network'],
    ['garbage', 'network'],
  ])('%j is %s', (failure, kind) => {
    expect(toApiError(failure).kind).toBe(kind);
  });

  it('tells "tagging is off" from "no permission" on 403', () => {
    expect(toApiError({ status: 403, responseJSON: { error: 'TagsDisabled' } }).forbiddenReason).toBe('tagging_disabled');
    expect(
      toApiError({ status: 403, responseJSON: { error: 'Forbidden', description: 'Tags on users and organizations is not enabled' } })
        .forbiddenReason,
    ).toBe('tagging_disabled');
    expect(toApiError({ status: 403, responseJSON: { error: 'Forbidden', description: 'You do not have access' } }).forbiddenReason).toBe(
      'no_permission',
    );
  });

  it('reads Retry-After in seconds or as a date, with a default', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter(undefined)).toBe(10);
  });
});
