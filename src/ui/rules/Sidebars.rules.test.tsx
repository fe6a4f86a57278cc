import '../testing/timing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { createFakeZafClient, type FakeZafClientOptions } from '../testing/fakeZafClient';
import { findPanel } from '../testing/findPanel';

beforeEach(() => {
  localStorage.clear();
});

const ticket: FakeZafClientOptions['ticket'] = {
  id: 7,
  tags: ['urgent', 'sla_p1'],
  requester: { id: 70, name: 'Ann', tags: ['vip'] },
  organization: { id: 80, name: 'Acme', tags: ['enterprise'] },
};
const writes = (client: ReturnType<typeof createFakeZafClient>) => client.requests.filter((r) => r.type === 'PUT' || r.type === 'DELETE');

function open(options: FakeZafClientOptions) {
  const client = createFakeZafClient(options);
  render(<App client={client} />);
  return client;
}

describe('Ticket sidebar groups', () => {
  it('show the requester and organization groups by default', async () => {
    open({ ticket });
    await findPanel('Ticket tags');
    expect(screen.getByRole('region', { name: 'Requester tags' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Organization tags' })).toBeInTheDocument();
  });

  it('hide the requester group when show_requester_tags is off, and the organization group when show_organization_tags is off', async () => {
    open({ ticket, settings: { show_requester_tags: false } });
    await findPanel('Ticket tags');
    expect(screen.queryByRole('region', { name: 'Requester tags' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Organization tags' })).toBeInTheDocument();
  });

  it('hide the organization group alone', async () => {
    open({ ticket, settings: { show_organization_tags: false } });
    await findPanel('Ticket tags');
    expect(screen.getByRole('region', { name: 'Requester tags' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Organization tags' })).toBeNull();
  });
});

describe('Ticket sidebar groups, collapse_owner_groups', () => {
  // A group's disclosure is named by the group, then its count ("Requester tags, 2 tags").
  const disclosure = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}\\b`) });

  it('starts the requester and organization groups collapsed, not the ticket group', async () => {
    open({ ticket, settings: { collapse_owner_groups: true } });
    const ticketRegion = await findPanel('Ticket tags');
    expect(within(ticketRegion).getByText('urgent')).toBeVisible();
    await waitFor(() => expect(disclosure('Requester tags')).toHaveAttribute('aria-expanded', 'false'));
    expect(disclosure('Organization tags')).toHaveAttribute('aria-expanded', 'false');
    for (const tag of ['vip', 'enterprise']) {
      const shown = screen.queryByText(tag);
      if (shown) expect(shown).not.toBeVisible();
    }
  });

  it("keeps a group the agent opened open the next time, over the admin's setting", async () => {
    const { unmount } = render(<App client={createFakeZafClient({ ticket, settings: { collapse_owner_groups: true } })} />);
    await findPanel('Ticket tags');
    await userEvent.click(await screen.findByRole('button', { name: /^Requester tags\b/ }));
    expect(await screen.findByText('vip')).toBeVisible();
    unmount();
    open({ ticket, settings: { collapse_owner_groups: true } });
    await findPanel('Ticket tags');
    expect(await screen.findByText('vip')).toBeVisible();
    expect(disclosure('Requester tags')).toHaveAttribute('aria-expanded', 'true');
    expect(disclosure('Organization tags')).toHaveAttribute('aria-expanded', 'false');
  });

  it('leaves every group open when the setting is off', async () => {
    open({ ticket });
    await findPanel('Ticket tags');
    expect(await screen.findByText('vip')).toBeVisible();
    expect(disclosure('Organization tags')).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('Protected tags in every location', () => {
  const settings = { protected_tags: 'sla_*, vip, enterprise' };
  const lockOf = (region: HTMLElement, tag: string) => within(within(region).getByText(tag).closest('li')!).queryByRole('img', { name: /Protected/ });

  it('ticket sidebar: the ticket, requester and organization groups', async () => {
    open({ ticket, settings });
    const ticketRegion = await findPanel('Ticket tags');
    expect(lockOf(ticketRegion, 'sla_p1')).not.toBeNull();
    expect(lockOf(ticketRegion, 'urgent')).toBeNull();
    expect(within(ticketRegion).queryByRole('button', { name: 'Remove tag sla_p1' })).toBeNull();
    expect(lockOf(screen.getByRole('region', { name: 'Requester tags' }), 'vip')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove tag vip' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove tag enterprise' })).toBeNull();
  });

  it('user sidebar: refused with the reason, nothing sent', async () => {
    const client = open({ location: 'user_sidebar', user: { id: 70, tags: ['vip', 'newsletter'] }, settings });
    const region = await findPanel('User tags');
    expect(lockOf(region, 'vip')).toHaveAccessibleName("Protected: Set by an automation; Tagwise won't change it");
    expect(within(region).getByRole('button', { name: 'Remove tag newsletter' })).toBeInTheDocument();
    await userEvent.type(within(region).getByRole('combobox', { name: /^Add tags/ }), 'sla_new{Enter}');
    expect(await within(region).findByRole('alert')).toHaveTextContent(/"sla_new" is protected/);
    expect(writes(client)).toEqual([]);
  });

  it('organization sidebar: the lock, no remove control', async () => {
    open({ location: 'organization_sidebar', organization: { id: 80, tags: ['enterprise', 'emea'] }, settings });
    const region = await findPanel('Organization tags');
    expect(lockOf(region, 'enterprise')).not.toBeNull();
    expect(within(region).queryByRole('button', { name: 'Remove tag enterprise' })).toBeNull();
    expect(within(region).getByRole('button', { name: 'Remove tag emea' })).toBeInTheDocument();
  });
});

describe('New-tag rules and descriptions in every location', () => {
  it('only existing tags: refused in the organization sidebar', async () => {
    const client = open({ location: 'organization_sidebar', organization: { id: 80, tags: [] }, vocabulary: ['emea'], settings: { existing_tags_only: true } });
    const region = await findPanel('Organization tags');
    await userEvent.type(within(region).getByRole('combobox', { name: /^Add tags/ }), 'made_up{Enter}');
    expect(await within(region).findByRole('alert')).toHaveTextContent(/"made_up" isn't a tag in this account/);
    expect(writes(client)).toEqual([]);
  });

  it('warn before a new tag: asked in the user sidebar', async () => {
    const client = open({ location: 'user_sidebar', user: { id: 70, tags: [] }, settings: { confirm_new_tags: true } });
    const region = await findPanel('User tags');
    const field = within(region).getByRole('combobox', { name: /^Add tags/ });
    await userEvent.type(field, 'made_up{Enter}');
    expect(await screen.findByText(/"made_up" is a new tag/)).toHaveAttribute("role", "status");
    expect(writes(client)).toEqual([]);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('user', 70)).toEqual(['made_up']));
  });

  it('descriptions: on the requester group of the ticket sidebar', async () => {
    open({ ticket, settings: { tag_descriptions: 'vip: contract customers; set by sales' } });
    const requester = await findPanel('Requester tags');
    expect(within(requester).getByText('vip').closest('[tabindex]')).toHaveAccessibleDescription('vip: contract customers; set by sales');
  });
});

describe('Settings that cannot be used', () => {
  it('say what is wrong in the sidebar, and the rest of the settings still apply', async () => {
    open({ ticket, settings: { protected_tags: 'sla_*\ns*la', show_requester_tags: 'maybe', tag_descriptions: 'vip contract customers' } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Some Tagwise settings can't be used");
    expect(alert).toHaveTextContent('Protected tags, line 2: "s*la" isn\'t a name or a prefix ending in * (for example sla_*).');
    expect(alert).toHaveTextContent('Show requester tags: expected on or off; the default is used.');
    expect(alert).toHaveTextContent('Tag descriptions, line 1: write the tag, a colon, then the description');
    expect(screen.getByRole('region', { name: 'Requester tags' })).toBeInTheDocument();
    const ticketRegion = screen.getByRole('region', { name: 'Ticket tags' });
    expect(within(ticketRegion).queryByRole('button', { name: 'Remove tag sla_p1' })).toBeNull();
  });
});
