import './testing/timing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { beginStartup } from '../app/startup';
import { FirstPaint } from './FirstPaint';
import { BLOCK_SIZE } from './panel/tagWindow';
import { start } from './start';
import { createFakeZafClient } from './testing/fakeZafClient';

beforeEach(() => {
  localStorage.clear();
});

describe('the first paint', () => {
  it("shows the record's tags with their names and the panel's heading, the remove buttons waiting for the panel", async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, tags: ['vip'] } } });
    render(<FirstPaint client={client} startup={beginStartup(client)} />);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    expect(within(ticket).getByRole('heading', { name: 'Ticket tags, 2 tags' })).toBeInTheDocument();
    expect(within(ticket).getByText('printer')).toBeInTheDocument();
    expect(within(ticket).getByRole('button', { name: 'Remove tag urgent' })).toBeDisabled();
    // Nothing was asked of Zendesk's API, and the panel still gets the screen's answer.
    expect(client.requests).toHaveLength(0);
  });

  it('shows a big record as the top of its list, counting every tag', async () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `huge_${i}`);
    const client = createFakeZafClient({ ticket: { id: 7, tags, requester: { id: 70, tags: [] } } });
    render(<FirstPaint client={client} startup={beginStartup(client)} />);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    expect(within(ticket).getByRole('heading', { name: 'Ticket tags, 5,000 tags' })).toBeInTheDocument();
    expect(within(ticket).getByText('huge_0')).toBeInTheDocument();
    // What the panel shows of it first: one block, not 5,000 elements to lay out.
    expect(within(ticket).getAllByRole('listitem')).toHaveLength(BLOCK_SIZE);
  });

  it('shows a protected tag without a remove control, even before the panel', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'sla_p1'], requester: { id: 70, tags: [] } }, settings: { protected_tags: 'sla_*' } });
    render(<FirstPaint client={client} startup={beginStartup(client)} />);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    expect(within(ticket).getByText('sla_p1')).toBeInTheDocument();
    expect(within(ticket).queryByRole('button', { name: 'Remove tag sla_p1' })).toBeNull();
    expect(within(ticket).getByRole('button', { name: 'Remove tag urgent' })).toBeDisabled();
  });

  it('speaks the agent\'s language', async () => {
    const client = createFakeZafClient({ locale: 'de', ticket: { id: 7, tags: ['urgent'], requester: { id: 70, tags: [] } } });
    render(<FirstPaint client={client} startup={beginStartup(client)} />);
    expect(await screen.findByRole('button', { name: /urgent/ })).not.toHaveAccessibleName('Remove tag urgent');
  });

  it('gives way to the panel, which takes the same start-up answers and removes tags', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, tags: ['vip'] } } });
    const container = document.createElement('div');
    document.body.append(container);
    await start(container, () => client);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove tag urgent' })).toBeEnabled());
    expect(screen.getAllByRole('region', { name: 'Ticket tags' })).toHaveLength(1);
    expect(await screen.findByRole('region', { name: 'Requester tags' })).toBeInTheDocument();
    expect(container.querySelector('[data-tagwise-first-paint]')).toBeNull();
    // One read of the screen for both: the panel took what the first paint showed.
    expect(client.gets.filter((paths) => paths.includes('ticket.tags'))).toHaveLength(1);
    // The panel asks only for what the whole account shares (cached once per account): whether
    // tagging is on, and the ticket fields a removal may clear. Never the record's tags again.
    expect(client.requests.map((r) => r.url).sort()).toEqual(['/api/v2/account/settings.json', '/api/v2/ticket_fields.json']);
  });
});
