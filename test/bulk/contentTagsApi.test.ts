/**
 * Guide content tags through the real API layer over the local Zendesk: prefix pages, count,
 * rename, merge, delete, and Zendesk's JSON:API errors read into messages an admin can act on.
 */
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { ApiError } from '../../src/domain/errors';
import { createContentTagsApi } from '../../src/zendesk/contentTagsApi';
import { inProcessZafClient } from '../support/inProcessZaf';

function world() {
  const zendesk = createZendesk();
  const api = createContentTagsApi(inProcessZafClient(zendesk, 'admin'));
  const names = () => zendesk.control.contentTags().map((t: { name: string }) => t.name).sort();
  return { zendesk, api, names };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Guide content tags API', () => {
  it('lists by name prefix, counts, renames, merges and deletes', async () => {
    const w = world();
    const page = await w.api.page('Bill', null);
    expect(page.tags.map((t) => t.name)).toEqual(['billing', 'billing help']);
    expect(page.after).toBeNull();
    expect(await w.api.count('bill')).toBe(2);
    expect((await w.api.page('', null)).tags).toHaveLength(20);

    const [billing, help] = page.tags;
    expect(await w.api.rename(help!.id, 'Billing questions')).toEqual({ id: help!.id, name: 'Billing questions' });
    await w.api.merge([billing!.id], help!.id);
    expect(w.names().filter((n) => n.toLowerCase().startsWith('bill'))).toEqual(['Billing questions']);
    await w.api.remove(help!.id);
    expect(await w.api.count('bill')).toBe(0);
  });

  it("reads Zendesk's JSON:API errors: a name taken, and a 403 for anyone who is not a Guide manager", async () => {
    const w = world();
    const [billing, help] = (await w.api.page('bill', null)).tags;
    const taken = await failure(w.api.rename(help!.id, 'BILLING'));
    expect(taken.kind).toBe('invalid');
    expect(taken.message).toContain('A content tag with this name already exists');

    w.zendesk.control.setGuideRole('agent');
    const refused = await failure(w.api.remove(billing!.id));
    expect(refused.kind).toBe('forbidden');
    expect(refused.code).toBe('Forbidden');
    expect(refused.message).toContain('Access to the resource is forbidden');
    expect(w.names()).toContain('billing');
  });
});
