import '../testing/timing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPanel } from '../testing/renderPanel';

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole('combobox', { name: /^Add tags/ });
const options = () => screen.queryAllByRole('option').map((o) => o.textContent);
const writes = (client: ReturnType<typeof renderPanel>['client']) => client.requests.filter((r) => r.type === 'PUT' || r.type === 'DELETE');
const ready = () => waitFor(() => expect(within(region()).queryByText('Loading tags')).toBeNull());

const vocabulary = ['billing', 'billing_issue', 'printer', 'refund', 'vip', 'sla_breach'];
const popular = [
  { name: 'billing', count: 1204 },
  { name: 'refund', count: 300 },
  { name: 'vip', count: 80 },
];
const REASON = "Set by an automation; Tagwise won't change it";

describe('Protected tags', () => {
  it('show a lock named Protected with the reason, and no remove control (button or keyboard)', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: ['sla_breach', 'vip', 'refund'] }, settings: { protected_tags: 'sla_*\nvip' } });
    await ready();
    const item = (tag: string) => within(region()).getByText(tag).closest('li')!;
    for (const tag of ['sla_breach', 'vip']) {
      expect(within(item(tag)).getByRole('img', { name: /Protected/ })).toHaveAccessibleName(`Protected: ${REASON}`);
      expect(within(region()).queryByRole('button', { name: `Remove tag ${tag}` })).toBeNull();
    }
    expect(within(region()).getByRole('button', { name: 'Remove tag refund' })).toBeInTheDocument();
    within(item('vip')).getByText('vip').closest<HTMLElement>('[tabindex]')!.focus();
    await user.keyboard('{Backspace}{Delete}');
    await new Promise((r) => setTimeout(r, 50));
    expect(writes(client)).toEqual([]);
    expect(client.tagsOf('ticket', 7)).toEqual(['sla_breach', 'vip', 'refund']);
  });

  it('refuses adding one with the reason as an alert, and sends nothing of the entry', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings: { protected_tags: 'sla_*' } });
    await ready();
    // Pasted (typing a space would add "refund" on its own, as Zendesk's field does).
    await user.click(field());
    await user.paste('refund sla_breach');
    await user.keyboard('{Enter}');
    expect(await within(region()).findByRole('alert')).toHaveTextContent(`"sla_breach" is protected. ${REASON}. Nothing was added.`);
    expect(field()).toHaveValue('refund sla_breach');
    await new Promise((r) => setTimeout(r, 50));
    expect(writes(client)).toEqual([]);
  });

  it('are never suggested', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings: { protected_tags: 'sla_*' } });
    await ready();
    await user.type(field(), 'sl');
    await new Promise((r) => setTimeout(r, 300));
    expect(options()).toEqual([]);
  });
});

describe('Only existing tags', () => {
  const settings = { existing_tags_only: true, allowed_tags: 'approved_new' };

  it('refuses a new tag with a sentence (and the close existing tag), sending nothing', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings });
    await ready();
    await user.type(field(), 'biling{Enter}');
    expect(await within(region()).findByRole('alert')).toHaveTextContent(
      '"biling" isn\'t a tag in this account, and only existing tags can be added. Nothing was added. Did you mean "billing"?',
    );
    expect(writes(client)).toEqual([]);
  });

  it("adds the account's tags, even ones only Zendesk's autocomplete knows, and the allow list", async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings });
    await ready();
    await user.type(field(), 'printer{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['printer']));
    await user.type(field(), 'approved_new{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['printer', 'approved_new']));
    expect(within(region()).queryByRole('alert')).toBeNull();
  });

  it('ignores "warn before a new tag": a new tag is refused, not confirmed', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings: { ...settings, confirm_new_tags: true } });
    await ready();
    await user.type(field(), 'brand_new{Enter}');
    expect(await within(region()).findByRole('alert')).toHaveTextContent(/isn't a tag in this account/);
    await user.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 100));
    expect(writes(client)).toEqual([]);
    expect(screen.queryByRole('option', { name: /^Create/ })).toBeNull();
  });
});

describe('Warn before a new tag', () => {
  const settings = { confirm_new_tags: true };

  it('a second Enter creates the new tag; nothing is sent before it', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings });
    await ready();
    await user.type(field(), 'brand_new{Enter}');
    expect(await screen.findByText(/is a new tag/)).toHaveTextContent(
      '"brand_new" is a new tag. Press Enter again to create it, or choose an existing tag.',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(writes(client)).toEqual([]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['brand_new']));
  });

  it('changing the text asks again', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings });
    await ready();
    await user.type(field(), 'brand_new{Enter}');
    await screen.findByText(/is a new tag/);
    await user.type(field(), 's{Enter}');
    await screen.findByText(/"brand_news" is a new tag/);
    expect(writes(client)).toEqual([]);
  });

  it('"Create <tag>" in the list adds it at once; existing tags need no confirmation', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular, settings });
    await ready();
    await user.type(field(), 'brand_new');
    await user.click(await screen.findByRole('option', { name: 'Create brand_new' }));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['brand_new']));
    await user.type(field(), 'refund{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['brand_new', 'refund']));
  });
});

describe('Did you mean', () => {
  it('puts the close existing tag first with its ticket count, from the cached list, with no request of its own', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
    await ready();
    await user.type(field(), 'refunds');
    await waitFor(() => expect(options()[0]).toBe('refund · 300 ticketsExisting tag'));
    expect(screen.getAllByRole('option')[0]).toHaveAccessibleName(/^refund · 300 tickets/);
    // Only what suggestions cost anyway: the cached account tags once, and autocomplete.
    const kinds = client.requests.map((r) => (r.url.includes('/autocomplete/') ? 'autocomplete' : new URL(r.url, 'https://x').pathname));
    expect(kinds.filter((k) => k !== 'autocomplete' && !k.startsWith('/api/v2/tickets/'))).toEqual(['/api/v2/tags.json']);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['refund']));
  });

  it('is not offered when the typed tag exists', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary: [...vocabulary, 'refunds'], popular });
    await ready();
    await user.type(field(), 'refunds');
    await waitFor(() => expect(options()).toEqual(['refunds']));
  });
});

describe('Tag descriptions', () => {
  const settings = { tag_descriptions: 'vip: contract customers; set by sales' };

  it('show in suggestions and on hover or focus of a tag', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: ['vip'] }, vocabulary: [...vocabulary, 'vip_gold'], popular, settings: { tag_descriptions: 'vip_gold: top tier' } });
    await ready();
    await user.type(field(), 'vi');
    await waitFor(() => expect(options()).toEqual(['vip_goldtop tier']));
  });

  it('describe a tag on hover and focus', async () => {
    renderPanel({ ticket: { id: 7, tags: ['vip', 'refund'] }, settings });
    await ready();
    const chip = within(region()).getByText('vip').closest<HTMLElement>('[tabindex]')!;
    const tip = () => screen.queryByRole('tooltip');
    expect(tip()).toBeNull();
    fireEvent.pointerEnter(chip.closest('li')!);
    expect(tip()).toHaveTextContent('vip: contract customers; set by sales');
    fireEvent.pointerLeave(chip.closest('li')!);
    expect(tip()).toBeNull();
    act(() => chip.focus());
    expect(chip).toHaveAccessibleDescription('vip: contract customers; set by sales');
    expect(tip()).toBeVisible();
    expect(within(region()).getByText('refund').closest('[tabindex]')).not.toHaveAttribute('aria-describedby');
  });
});
