import '../testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { createFakeZafClient, type FakeZafClientOptions } from '../testing/fakeZafClient';
import { collapsedKey } from './useCollapsed';

/** Requests about records; the account-wide lists (settings, ticket fields) are asked once per account, cached. */
const recordRequests = (client: { requests: readonly { url: string }[] }) =>
  client.requests.filter((r) => !/\/api\/v2\/(account\/settings|ticket_fields)/.test(r.url));

// "One ticket sidebar, three owners": the ticket, its requester and its organization, through
// the real API module and sync engine over the fake Zendesk.

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const region = (name: string) => screen.getByRole('region', { name });
const tagNames = (name: string) =>
  within(region(name))
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));

const TICKET: FakeZafClientOptions['ticket'] = {
  id: 7,
  tags: ['vip', 'emea', 'urgent'],
  requester: { id: 70, name: 'Ann', tags: ['vip', 'newsletter'] },
  organization: { id: 80, name: 'Acme Corp', tags: ['emea', 'enterprise'] },
};

async function openTicket(options: FakeZafClientOptions = { ticket: TICKET }) {
  const client = createFakeZafClient(options);
  const user = userEvent.setup();
  const result = render(<App client={client} />);
  await screen.findByRole('region', { name: 'Organization tags' });
  return { client, user, result };
}

describe('collapsible groups', () => {
  it('each group heading is a disclosure button; the choice is remembered per group kind', async () => {
    const { user, result } = await openTicket();
    for (const name of ['Ticket tags', 'Requester tags', 'Organization tags']) {
      expect(within(region(name)).getByRole('button', { name: new RegExp(`^${name}, \\d+ tags?$`) })).toHaveAttribute('aria-expanded', 'true');
    }
    const toggle = within(region('Requester tags')).getByRole('button', { name: /^Requester tags\b/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(region('Requester tags')).getByText('newsletter')).not.toBeVisible();
    expect(within(region('Requester tags')).queryByRole('combobox')).toBeNull();
    // Still counted while collapsed.
    expect(within(region('Requester tags')).getByRole('heading', { name: /, 2 tags$/ })).toBeInTheDocument();
    expect(localStorage.getItem(collapsedKey('requester'))).toBe('1');
    expect(collapsedKey('requester')).toBe('tagwise:v1:collapsed:requester');

    result.unmount();
    await openTicket();
    expect(within(region('Requester tags')).getByRole('button', { name: /^Requester tags\b/ })).toHaveAttribute('aria-expanded', 'false');
    expect(within(region('Ticket tags')).getByRole('button', { name: /^Ticket tags\b/ })).toHaveAttribute('aria-expanded', 'true');
    expect(within(region('Ticket tags')).getByText('urgent')).toBeVisible();
  });

  it('works from the keyboard (Enter and Space)', async () => {
    const { user } = await openTicket();
    const toggle = within(region('Organization tags')).getByRole('button', { name: /^Organization tags\b/ });
    act(() => toggle.focus());
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(region('Organization tags')).getByText('enterprise')).not.toBeVisible();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(region('Organization tags')).getByText('enterprise')).toBeVisible();
    expect(localStorage.getItem(collapsedKey('organization'))).toBe('0');
  });

  it('storage that throws only means the choice is not remembered', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    const { user, result } = await openTicket();
    const toggle = within(region('Ticket tags')).getByRole('button', { name: /^Ticket tags\b/ });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(region('Ticket tags')).getByText('urgent')).not.toBeVisible();
    // Kept for this page (a remount, e.g. a new requester), though not across a reload.
    result.unmount();
    await openTicket();
    expect(within(region('Ticket tags')).getByRole('button', { name: /^Ticket tags\b/ })).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(within(region('Ticket tags')).getByRole('button', { name: /^Ticket tags\b/ }));
  });
});

describe('removing a ticket tag that comes from elsewhere', () => {
  it('an inherited tag: says it will come back and offers to remove it from the requester', async () => {
    const { client, user } = await openTicket();
    await user.click(within(region('Ticket tags')).getByRole('button', { name: 'Remove tag vip' }));
    const status = within(region('Ticket tags')).getAllByRole('status').find((s) => s.hasAttribute('data-advice'))!;
    await waitFor(() => expect(status).toHaveTextContent('vip also comes from the requester: it will come back unless you remove it there.'));
    // The panel's one message style: a Garden Alert, here a warning.
    const advice = status.querySelector('[data-advice-tag="vip"]');
    expect(advice).toHaveAttribute('data-message', 'warning');
    expect(advice).toHaveAttribute('data-garden-id', 'notifications.alert');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['emea', 'urgent']));
    expect(client.tagsOf('user', 70)).toEqual(['vip', 'newsletter']);

    await user.click(within(status).getByRole('button', { name: 'Remove from requester' }));
    await waitFor(() => expect(client.tagsOf('user', 70)).toEqual(['newsletter']));
    expect(status).toHaveTextContent('Removed vip from the requester too.');
    expect(within(status).queryByRole('button', { name: 'Remove from requester' })).toBeNull();
    await waitFor(() => expect(tagNames('Requester tags')).toEqual(['newsletter']));
    await user.click(within(status).getByRole('button', { name: 'Dismiss the note about vip' }));
    expect(status).toBeEmptyDOMElement();
  });

  it('an organization tag: offers "Remove from organization", which removes it there', async () => {
    const { client, user } = await openTicket();
    await user.click(within(region('Ticket tags')).getByRole('button', { name: 'Remove tag emea' }));
    const status = await waitFor(() => {
      const found = within(region('Ticket tags')).getByText(/emea also comes from the organization: it will come back unless you remove it there\./);
      return found.closest('[role="status"]') as HTMLElement;
    });
    await user.click(within(status).getByRole('button', { name: 'Remove from organization' }));
    await waitFor(() => expect(client.tagsOf('organization', 80)).toEqual(['enterprise']));
    expect(client.tagsOf('ticket', 7)).toEqual(['vip', 'urgent']);
  });

  it('an own tag: no note', async () => {
    const { client, user } = await openTicket();
    await user.click(within(region('Ticket tags')).getByRole('button', { name: 'Remove tag urgent' }));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['vip', 'emea']));
    expect(within(region('Ticket tags')).queryByText(/also comes from/)).toBeNull();
    expect(within(region('Ticket tags')).queryByRole('button', { name: /^Remove from/ })).toBeNull();
  });

  it('a field-backed tag: removal goes through and warns that it clears the field', async () => {
    const { client, user } = await openTicket({
      ticket: { id: 7, tags: ['product_printer', 'urgent'], requester: { id: 70, tags: [] }, organization: { id: 80, tags: [] } },
      ticketFields: [{ title: 'Product', type: 'tagger', custom_field_options: [{ name: 'Printer', value: 'product_printer' }] }],
    });
    const ticket = region('Ticket tags');
    await user.hover(ticket);
    await waitFor(() => expect(within(within(ticket).getByText('product_printer').closest('li')!).getByRole('img')).toBeInTheDocument());
    await user.click(within(ticket).getByRole('button', { name: 'Remove tag product_printer' }));
    await waitFor(() => expect(within(ticket).getByText('Removing product_printer clears the field Product (Printer).')).toBeVisible());
    expect(within(ticket).getByText('Removing product_printer clears the field Product (Printer).').closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent']));
  });
});

describe('groups the agent may not tag', () => {
  const writes = (r: { type?: string; url: string }) => (r.type === 'PUT' || r.type === 'DELETE') && r.url.includes('/organizations/');

  it('no permission on the organization: one line in that group, no error box, the ticket unaffected', async () => {
    const { client, user } = await openTicket();
    client.failNext({ match: writes, status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } });
    await user.click(within(region('Organization tags')).getByRole('button', { name: 'Remove tag enterprise' }));
    const line = await within(region('Organization tags')).findByRole('alert');
    // A warning in the panel's one message style, not an error.
    expect(line).toHaveAttribute('data-message', 'warning');
    expect(line).toHaveTextContent(`Couldn't remove "enterprise". You don't have permission to change these tags. Ask an admin.`);
    expect(within(region('Organization tags')).getAllByRole('alert')).toHaveLength(1);
    expect(within(region('Organization tags')).queryByRole('note')).toBeNull();
    expect(within(region('Organization tags')).queryByRole('button', { name: /^Remove tag/ })).toBeNull();
    expect(within(region('Organization tags')).queryByRole('combobox')).toBeNull();
    expect(tagNames('Organization tags')).toEqual(['emea', 'enterprise']);
    expect(within(region('Ticket tags')).getByRole('combobox', { name: 'Add tags to ticket' })).toBeInTheDocument();
    // Dismissed, the group keeps saying why in one line.
    await user.click(within(line).getByRole('button', { name: 'Dismiss' }));
    expect(within(region('Organization tags')).getByRole('note')).toHaveTextContent("You don't have permission to change these tags. Ask an admin.");
  });

  it('user and organization tagging off: the requester group says so in one line when a change is refused', async () => {
    const { client, user } = await openTicket();
    client.failNext({
      match: (r) => r.type === 'DELETE' && r.url.includes('/users/'),
      status: 403,
      body: { error: 'Forbidden', description: 'Tags on users and organizations are disabled for this account.' },
    });
    await user.click(within(region('Requester tags')).getByRole('button', { name: 'Remove tag newsletter' }));
    const line = await within(region('Requester tags')).findByRole('alert');
    // A warning in the panel's one message style, not an error.
    expect(line).toHaveAttribute('data-message', 'warning');
    expect(line).toHaveTextContent('tags on users and organizations are turned off');
    expect(tagNames('Requester tags')).toEqual(['vip', 'newsletter']);
  });

  it('a removed inherited tag is not offered for removal on a group the agent may not tag', async () => {
    const { client, user } = await openTicket();
    client.failNext({ match: writes, status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } });
    await user.click(within(region('Organization tags')).getByRole('button', { name: 'Remove tag enterprise' }));
    await within(region('Organization tags')).findByRole('alert');
    await user.click(within(region('Ticket tags')).getByRole('button', { name: 'Remove tag emea' }));
    await waitFor(() => expect(within(region('Ticket tags')).getByText(/emea also comes from the organization/)).toBeInTheDocument());
    expect(within(region('Ticket tags')).queryByRole('button', { name: 'Remove from organization' })).toBeNull();
    expect(client.tagsOf('organization', 80)).toEqual(['emea', 'enterprise']);
  });
});

describe('live owners', () => {
  it('a new requester and organization: one read of the screen, the new records shown, no HTTP', async () => {
    const { client } = await openTicket();
    const getsBefore = client.gets.length;
    client.changeTicketOwners({ requester: { id: 71, name: 'Bob', tags: ['reseller'] }, organization: { id: 81, name: 'Globex', tags: ['smb'] } });
    client.emit('ticket.requester.id.changed', 71);
    client.emit('ticket.organization.changed', { id: 81 });
    await waitFor(() => expect(tagNames('Requester tags')).toEqual(['reseller']));
    await waitFor(() => expect(tagNames('Organization tags')).toEqual(['smb']));
    expect(client.gets.length - getsBefore).toBe(1);
    expect(recordRequests(client)).toHaveLength(0);
    // The ticket's tags are explained by the new owners.
    expect(within(within(region('Ticket tags')).getByText('vip').closest('li')!).queryByRole('img')).toBeNull();
  });

  it('the organization removed from the ticket: its group goes away', async () => {
    const { client } = await openTicket();
    client.changeTicketOwners({ organization: null });
    client.emit('ticket.organization.changed', null);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Organization tags' })).toBeNull());
    expect(region('Requester tags')).toBeInTheDocument();
    expect(recordRequests(client)).toHaveLength(0);
  });

  it('ticket.updated refreshes the ticket with one read', async () => {
    const { client } = await openTicket();
    client.setTags('ticket', 7, ['vip', 'emea', 'urgent', 'escalated']);
    client.emit('ticket.updated');
    await waitFor(() => expect(tagNames('Ticket tags')).toContain('escalated'));
    expect(recordRequests(client)).toHaveLength(1);
    expect(recordRequests(client)[0]!.url).toContain('/tickets/7');
  });
});

describe('user sidebar: the organization, shown only', () => {
  it("shows the user's organization's tags read-only with a link to the organization", async () => {
    const client = createFakeZafClient({
      location: 'user_sidebar',
      user: { id: 3, name: 'Ann', tags: ['gold'], organization: { id: 4, name: 'Acme Corp', tags: ['enterprise', 'vip'] } },
    });
    const user = userEvent.setup();
    render(<App client={client} />);
    const org = await screen.findByRole('region', { name: 'Organization tags' });
    expect(within(region('User tags')).getByText('gold')).toBeInTheDocument();
    expect(within(org).getByText('enterprise')).toBeInTheDocument();
    expect(within(org).getByText('vip')).toBeInTheDocument();
    expect(within(org).queryByRole('button', { name: /^Remove tag/ })).toBeNull();
    expect(within(org).queryByRole('combobox')).toBeNull();
    await user.click(within(org).getByRole('button', { name: 'Open Acme Corp' }));
    expect(client.invocations).toContainEqual({ name: 'routeTo', args: ['organization', 4] });
    expect(recordRequests(client)).toHaveLength(0);
  });

  it('a user without an organization: no organization group', async () => {
    render(<App client={createFakeZafClient({ location: 'user_sidebar', user: { id: 3, tags: ['gold'] } })} />);
    await screen.findByRole('region', { name: 'User tags' });
    expect(screen.queryByRole('region', { name: 'Organization tags' })).toBeNull();
  });
});
