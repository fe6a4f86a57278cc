import '../testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../App';
import { createFakeZafClient } from '../testing/fakeZafClient';
import { findPanel } from '../testing/findPanel';

const region = (name: string) => screen.getByRole('region', { name });
const ADMIN_SENTENCE = 'An admin must turn on Tags on users and organizations';

beforeEach(() => {
  localStorage.clear();
});

describe('read-only states known before any write', () => {
  it('tagging off: the user panel says so before any attempt, with one request per account, and lifts when it is on again', async () => {
    const client = createFakeZafClient({ location: 'user_sidebar', user: { id: 3, tags: ['gold'] }, userTagging: false });
    const { unmount } = render(<App client={client} />);
    const panel = await findPanel('User tags');
    await waitFor(() => expect(within(panel).getByRole('note')).toHaveTextContent(ADMIN_SENTENCE));
    expect(within(panel).queryByRole('combobox')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /^Remove tag/ })).toBeNull();
    expect(client.requests.map((r) => `${r.type} ${r.url}`)).toEqual(['GET /api/v2/account/settings.json']);

    // Turned back on; the agent comes back to the tab.
    client.setUserTagging(true);
    act(() => client.emit('app.activated', { firstLoad: false }));
    await waitFor(() => expect(within(region('User tags')).getByRole('combobox', { name: 'Add tags to user' })).toBeInTheDocument());
    expect(within(region('User tags')).queryByRole('note')).toBeNull();
    unmount();

    // Another sidebar of the same account asks nobody: the answer is cached.
    const again = createFakeZafClient({ location: 'organization_sidebar', organization: { id: 4, tags: ['vip'] } });
    render(<App client={again} />);
    await waitFor(() => expect(within(region('Organization tags')).getByRole('combobox', { name: 'Add tags to organization' })).toBeInTheDocument());
    expect(again.requests).toEqual([]);
  });

  it('an agent without permission for organizations is told so up front; end users stay editable', async () => {
    const client = createFakeZafClient({
      agentRole: 'agent',
      ticket: { id: 7, tags: ['a'], requester: { id: 70, tags: ['vip'] }, organization: { id: 80, tags: ['emea'] } },
    });
    render(<App client={client} />);
    const org = await findPanel('Organization tags');
    await waitFor(() => expect(within(org).getByRole('note')).toHaveTextContent("You don't have permission to change these tags."));
    expect(within(org).queryByRole('button', { name: /^Remove tag/ })).toBeNull();
    expect(within(region('Requester tags')).getByRole('button', { name: 'Remove tag vip' })).toBeInTheDocument();
    expect(client.requests.filter((r) => r.type !== 'GET')).toEqual([]);
  });

  it('a ticket closed by someone else turns read-only, Undo goes, and it lifts when the ticket is reopened', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['a'], requester: { id: 70, tags: [] } } });
    const user = userEvent.setup();
    render(<App client={client} />);
    const ticket = await findPanel('Ticket tags');
    await user.click(within(ticket).getByRole('button', { name: 'Remove tag a' }));
    const undo = await within(ticket).findByRole('button', { name: 'Undo' });
    expect(undo).toBeInTheDocument();
    client.closeTicket(7);
    act(() => client.emit('ticket.updated'));
    await waitFor(() => expect(within(region('Ticket tags')).getByRole('note')).toHaveTextContent('This ticket is closed.'));
    // In the panel's one message style (a Garden Alert), as information.
    expect(within(region('Ticket tags')).getByRole('note')).toHaveAttribute('data-message', 'info');
    expect(within(region('Ticket tags')).queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(within(region('Ticket tags')).queryByRole('combobox')).toBeNull();
  });
});

describe('field warnings every time', () => {
  const fields = [{ title: 'Product', type: 'tagger', custom_field_options: [{ name: 'Printer', value: 'product_printer' }] }];

  it('a removal before the ticket fields arrived says it is checking, then warns', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['product_printer', 'urgent'], requester: { id: 70, tags: [] } }, ticketFields: fields });
    const held = client.hold((r) => r.url.includes('/ticket_fields'));
    const user = userEvent.setup();
    render(<App client={client} />);
    const ticket = await findPanel('Ticket tags');
    await waitFor(() => expect(held.count).toBe(1));
    await user.click(within(ticket).getByRole('button', { name: 'Remove tag product_printer' }));
    expect(within(ticket).getByText('Checking whether product_printer sets a ticket field…')).toBeInTheDocument();
    act(() => held.release());
    await waitFor(() => expect(within(region('Ticket tags')).getByText('Removing product_printer clears the field Product (Printer).')).toBeInTheDocument());
    expect(within(region('Ticket tags')).queryByText(/Checking whether/)).toBeNull();
  });

  it('when the ticket fields cannot be read, the removal says it could not check', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['product_printer'], requester: { id: 70, tags: [] } }, ticketFields: fields });
    // Asked after the paint and again when the agent reaches for the panel: every ask fails.
    for (let i = 0; i < 10; i++) client.failNext({ match: (r) => r.url.includes('/ticket_fields'), status: 500 });
    const user = userEvent.setup();
    render(<App client={client} />);
    const ticket = await findPanel('Ticket tags');
    await waitFor(() => expect(client.requestsTo('/ticket_fields')).toHaveLength(1));
    await user.click(within(ticket).getByRole('button', { name: 'Remove tag product_printer' }));
    await waitFor(() => expect(within(region('Ticket tags')).getByText(/Couldn't check whether removing product_printer clears a ticket field/)).toBeInTheDocument());
  });
});
