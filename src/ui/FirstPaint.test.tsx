import './testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginStartup } from '../app/startup';
import type { ZafClient } from '../zaf/client';
import { App } from './App';
import { mountApp } from './mountApp';
import { paintFirst } from './paintFirst';
import { BLOCK_SIZE } from './panel/tagWindow';
import { start } from './start';
import { createFakeZafClient } from './testing/fakeZafClient';

beforeEach(() => {
  localStorage.clear();
});

/** Containers the tests made themselves (render() cleans up its own). */
const made: HTMLElement[] = [];
afterEach(() => {
  for (const container of made.splice(0)) container.remove();
});

function newContainer(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  made.push(container);
  return container;
}

/** The entry's first paint (no React) into a container of its own. */
function paint(client: ZafClient) {
  const container = newContainer();
  const startup = beginStartup(client);
  return { container, startup, ...paintFirst(container, client, startup) };
}

describe('the first paint', () => {
  it("shows the record's tags with their names and the panel's heading, the remove buttons waiting for the panel", async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, tags: ['vip'] } } });
    paint(client);
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
    paint(client);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    expect(within(ticket).getByRole('heading', { name: 'Ticket tags, 5,000 tags' })).toBeInTheDocument();
    expect(within(ticket).getByText('huge_0')).toBeInTheDocument();
    // What the panel shows of it first: one block, not 5,000 elements to lay out.
    expect(within(ticket).getAllByRole('listitem')).toHaveLength(BLOCK_SIZE);
  });

  it('shows a protected tag with its lock and without a remove control, even before the panel', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'sla_p1'], requester: { id: 70, tags: [] } }, settings: { protected_tags: 'sla_*' } });
    paint(client);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    expect(within(ticket).getByText('sla_p1')).toBeInTheDocument();
    expect(within(ticket).queryByRole('button', { name: 'Remove tag sla_p1' })).toBeNull();
    expect(within(ticket).getByRole('button', { name: 'Remove tag urgent' })).toBeDisabled();
    // The panel's lock, named as the panel names it, beside that tag only.
    const locks = within(ticket).getAllByRole('img', { name: /^Protected: / });
    expect(locks.map((lock) => lock.closest('li')?.textContent?.trim())).toEqual(['sla_p1']);
  });

  it("marks the ticket's tags that the requester or the organization also holds, as the panel does, and no others", async () => {
    const client = createFakeZafClient({
      ticket: { id: 7, tags: ['urgent', 'vip', 'enterprise'], requester: { id: 70, tags: ['vip'] }, organization: { id: 80, tags: ['enterprise', 'vip'] } },
    });
    paint(client);
    const ticket = await screen.findByRole('region', { name: 'Ticket tags' });
    const markers = within(ticket).getAllByRole('img');
    expect(markers.map((m) => m.closest('li')?.textContent?.trim())).toEqual(['vip', 'enterprise']);
    expect(markers[0]).toHaveAccessibleName(/^Also on the requester.*Also on the organization/);
    expect(markers[1]).toHaveAccessibleName(/^Also on the organization/);
  });

  it('marks nothing on a user, whose tags are their own', async () => {
    const client = createFakeZafClient({ location: 'user_sidebar', user: { id: 70, tags: ['vip'], organization: { id: 80, tags: ['vip'] } } });
    paint(client);
    const user = await screen.findByRole('region', { name: 'User tags' });
    expect(within(user).getByText('vip')).toBeInTheDocument();
    expect(within(user).queryAllByRole('img')).toHaveLength(0);
  });

  it('speaks the agent\'s language', async () => {
    const client = createFakeZafClient({ locale: 'de', ticket: { id: 7, tags: ['urgent'], requester: { id: 70, tags: [] } } });
    paint(client);
    expect(await screen.findByRole('button', { name: /urgent/ })).not.toHaveAccessibleName('Remove tag urgent');
  });

  it('gives way to the panel, which takes the same start-up answers and removes tags', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, tags: ['vip'] } } });
    const container = newContainer();
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

  it('keeps the tags on screen when the app takes over, until its panel replaces them', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent', 'printer'], requester: { id: 70, tags: ['vip'] } } });
    const { container, startup, shown, remove } = paint(client);
    await within(container).findByRole('region', { name: 'Ticket tags' });
    await shown;
    // From the app's first render on, through every change of the DOM until the panel is
    // ready, the ticket's tags are there: never the loading skeleton in their place.
    const gaps: string[] = [];
    const watch = () => {
      if (!within(container).queryByText('printer')) gaps.push(container.innerHTML.slice(0, 200) || '(empty)');
    };
    const observer = new MutationObserver(watch);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    await act(async () => mountApp(container, client, startup, remove));
    watch();
    await waitFor(() => expect(within(container).getByRole('button', { name: 'Remove tag urgent' })).toBeEnabled());
    await act(async () => {
      observer.disconnect();
    });
    expect(gaps).toEqual([]);
    expect(container.querySelector('[data-tagwise-first-paint]')).toBeNull();
    // One region per record: the first paint went when the panel's placeholder came.
    expect(within(container).getAllByRole('region', { name: 'Ticket tags' })).toHaveLength(1);
  });

  it('says when its tags are painted, or at once when it has none to show', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent'], requester: { id: 70, tags: [] } } });
    const ticket = paint(client);
    expect(await ticket.shown).toMatchObject({ kind: 'sidebar', location: 'ticket_sidebar' });
    expect(within(ticket.container).getByRole('region', { name: 'Ticket tags' })).toBeInTheDocument();

    const navBar = createFakeZafClient({ location: 'nav_bar' });
    const elsewhere = paint(navBar);
    expect(await elsewhere.shown).toEqual({ kind: 'elsewhere', location: 'nav_bar' });
    expect(elsewhere.container.querySelector('[data-tagwise-first-paint]')).toBeNull();
  });

  it('keeps the frame as tall as its tags, and leaves nothing behind once it is taken away', async () => {
    const client = createFakeZafClient({ ticket: { id: 7, tags: ['urgent'], requester: { id: 70, tags: [] } } });
    const resizes = () => client.invocations.filter((call) => call.name === 'resize').length;
    const first = paint(client);
    await first.shown;
    expect(resizes()).toBeGreaterThan(0);
    first.remove();
    expect(first.container.childElementCount).toBe(0);
  });
});
