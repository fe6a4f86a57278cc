import './testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { start } from './start';
import { createFakeZafClient } from './testing/fakeZafClient';
import { findPanel } from './testing/findPanel';

/** Requests about records; the account-wide lists (settings, ticket fields) are asked once per account, cached. */
const recordRequests = (client: { requests: readonly { url: string }[] }) =>
  client.requests.filter((r) => !/\/api\/v2\/(account\/settings|ticket_fields)/.test(r.url));

beforeEach(() => {
  localStorage.clear();
});

describe('App inside Zendesk', () => {
  it('ticket sidebar: ticket and requester tags from what the screen knows, with no HTTP on open', async () => {
    const client = createFakeZafClient({
      ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, name: 'Ann', tags: ['vip'] } },
    });
    render(<App client={client} />);
    const ticket = await findPanel('Ticket tags');
    const requester = await findPanel('Requester tags');
    expect(within(ticket).getByRole('heading', { name: /, 2 tags$/ })).toBeInTheDocument();
    expect(within(ticket).getByText('printer')).toBeInTheDocument();
    expect(within(requester).getByText('vip')).toBeInTheDocument();
    expect(within(ticket).getByRole('combobox', { name: 'Add tags to ticket' })).toBeInTheDocument();
    expect(recordRequests(client)).toHaveLength(0);
  });

  it('explains ticket tags that come from the requester, the organization or a ticket field', async () => {
    const client = createFakeZafClient({
      ticket: {
        id: 7,
        tags: ['vip', 'emea', 'product_printer', 'urgent'],
        requester: { id: 70, tags: ['vip'] },
        organization: { id: 80, tags: ['emea'] },
      },
      ticketFields: [{ title: 'Product', type: 'tagger', custom_field_options: [{ name: 'Printer', value: 'product_printer' }] }],
    });
    render(<App client={client} />);
    const ticket = await findPanel('Ticket tags');
    const origin = (tag: string) => within(within(ticket).getByText(tag).closest('li')!).queryByRole('img');
    await waitFor(() => expect(origin('vip')).toHaveAccessibleName(/^Also on the requester: .*removing it here may not last\.$/));
    await waitFor(() => expect(origin('emea')).toHaveAccessibleName(/^Also on the organization/));
    expect(origin('urgent')).toBeNull();
    // Field options cost a request (cached per account), asked once the tags have painted,
    // so they are known before the agent can remove anything.
    expect(recordRequests(client)).toHaveLength(0);
    await waitFor(() => expect(origin('product_printer')).toHaveAccessibleName('Sets the field Product to Printer: removing it clears that field.'));
    expect(client.requestsTo('/ticket_fields')).toHaveLength(1);
    // The requester's own panel does not explain anything.
    const requester = screen.getByRole('region', { name: 'Requester tags' });
    expect(within(requester).queryByRole('img')).toBeNull();
  });

  it('ticket sidebar: a third group for the ticket\'s organization, and none without one', async () => {
    const client = createFakeZafClient({
      ticket: { id: 7, tags: ['emea'], requester: { id: 70, tags: [] }, organization: { id: 80, tags: ['emea', 'enterprise'] } },
    });
    const { unmount } = render(<App client={client} />);
    const organization = await findPanel('Organization tags');
    expect(within(organization).getByText('enterprise')).toBeInTheDocument();
    expect(within(organization).getByRole('button', { name: 'Remove tag enterprise' })).toBeInTheDocument();
    expect(recordRequests(client)).toHaveLength(0);
    unmount();

    render(<App client={createFakeZafClient({ ticket: { id: 8, tags: ['a'], requester: { id: 71, tags: [] } } })} />);
    await findPanel('Requester tags');
    expect(screen.queryByRole('region', { name: 'Organization tags' })).toBeNull();
  });

  it.each([
    ['user_sidebar', 'User tags'],
    ['organization_sidebar', 'Organization tags'],
  ] as const)('%s shows "%s"', async (location, title) => {
    const client = createFakeZafClient({
      location,
      user: { id: 3, tags: ['gold'] },
      organization: { id: 4, tags: ['gold'] },
    });
    render(<App client={client} />);
    const region = await findPanel(title);
    expect(within(region).getByText('gold')).toBeInTheDocument();
  });

  it('an unknown location gets a sentence, not a crash', async () => {
    const client = createFakeZafClient({ location: 'top_bar' });
    render(<App client={client} />);
    expect(await screen.findByText(/Tagwise has nothing to show here/)).toBeInTheDocument();
  });

  it.each([
    ['pt-BR', 'Tags do ticket', 'Adicionar tags ao ticket', '1 tag'],
    ['de-CH', 'Ticket-Tags', 'Tags zum Ticket hinzufügen', '1 Tag'],
    ['ja', 'チケットのタグ', 'チケットにタグを追加', 'タグ 1 件'],
    ['xx', 'Ticket tags', 'Add tags to ticket', '1 tag'],
  ])("speaks the agent's language (%s)", async (locale, title, label, count) => {
    const client = createFakeZafClient({ locale, ticket: { id: 7, tags: ['urgent'] } });
    render(<App client={client} />);
    const region = await findPanel(title);
    expect(within(region).getByRole('combobox', { name: label })).toBeInTheDocument();
    expect(within(region).getByRole('heading', { name: new RegExp(`, ${count}$`) })).toBeInTheDocument();
  });

  it('follows tag changes Zendesk reports while open', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent'] } });
    render(<App client={client} />);
    const region = await findPanel('Ticket tags');
    client.setTags('ticket', 7, ['urgent', 'escalated']);
    client.emit('ticket.updated');
    await waitFor(() => expect(within(region).getByText('escalated')).toBeInTheDocument());
  });

  it('asks Zendesk to size the sidebar to the app', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent'] } });
    render(<App client={client} />);
    await findPanel('Ticket tags');
    const resize = client.invocations.find((i) => i.name === 'resize');
    expect(resize?.args[0]).toEqual({ width: '100%', height: expect.stringMatching(/^\d+px$/) });
  });

  it('a start-up failure shows the friendly error with a Reload button, never a blank page', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: [] } });
    client.context = () => Promise.reject(new Error('host went away'));
    const onReload = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<App client={client} onReload={onReload} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });
});

describe('ErrorBoundary', () => {
  it('catches a render error below it and offers a reload', async () => {
    function Bomb(): never {
      throw new Error('boom');
    }
    const onReload = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ThemeProvider>
        <ErrorBoundary onReload={onReload}>
          <Bomb />
        </ErrorBoundary>
      </ThemeProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Tags that were already saved are safe');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
    quiet.mockRestore();
  });
});

describe('Outside Zendesk', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.resetModules();
  });

  it("shows a sentence in the browser's language instead of crashing", async () => {
    const container = document.createElement('div');
    document.body.append(container);
    await act(() => start(container, () => null, 'fr-FR'));
    expect(await screen.findByRole('note')).toHaveTextContent('Tagwise fonctionne dans Zendesk.');
  });

  it('the real entry point, opened without Zendesk, explains where to open it', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    await act(async () => {
      await import('../main');
    });
    expect(await screen.findByText(/Tagwise runs inside Zendesk\. Open it from a ticket, user or organization/)).toBeInTheDocument();
  });
});
