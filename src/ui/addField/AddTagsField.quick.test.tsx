import '../testing/timing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rememberRecent, type RecentTags } from '../../domain/recentTags';
import type { SuggestionSource } from './suggestionSource';
import { renderPanel } from '../testing/renderPanel';

// As quick as Zendesk's own tag field: space and comma end a tag, Tab takes the highlighted
// suggestion, suggestions show their ticket count and the typed part, the empty field offers
// recent then popular tags.

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole<HTMLInputElement>('combobox', { name: /^Add tags/ });
const options = () => screen.queryAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.textContent);

function memoryRecent(initial: readonly string[] = []): RecentTags {
  let list = [...initial];
  return { list: () => list, add: (tags) => (list = rememberRecent(list, tags)) };
}

function source(recent?: RecentTags): SuggestionSource {
  return {
    autocomplete: async (prefix) => ({ tags: ['billing', 'bills', 'birthday', 'refund'].filter((t) => t.startsWith(prefix)), complete: true }),
    popularTags: async () => [
      { name: 'bills', count: 42 },
      { name: 'urgent', count: 7 },
      { name: 'refund', count: 3 },
    ],
    ...(recent ? { recent } : {}),
  };
}

async function open(tags: string[] = [], recent?: RecentTags) {
  const setup = renderPanel({ ticket: { id: 7, tags }, source: source(recent) });
  await waitFor(() => expect(field()).toBeEnabled());
  return setup;
}

describe('the add field, quick as the native one', () => {
  it('space and comma turn the typed word into a tag, exactly as typed', async () => {
    const { user, client } = await open();
    await user.type(field(), 'Needs_Callback ');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['needs_callback']));
    expect(field()).toHaveValue('');
    await user.type(field(), 'vip,');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['needs_callback', 'vip']));
    expect(field()).toHaveValue('');
    // A space in the empty field adds nothing.
    await user.type(field(), ' ');
    expect(field()).toHaveValue('');
  });

  it('Tab takes the highlighted suggestion and keeps focus in the field', async () => {
    const { user, client } = await open();
    await user.type(field(), 'bi');
    await waitFor(() => expect(options()).toContain('billing'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const highlighted = screen.getByRole('option', { name: options()[1]! });
    expect(field().getAttribute('aria-activedescendant')).toBe(highlighted.id);
    const name = highlighted.getAttribute('aria-label')!;
    await user.keyboard('{Tab}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual([name]));
    expect(document.activeElement).toBe(field());
  });

  it('shows the ticket count from the popular list and highlights the typed part', async () => {
    const { user } = await open();
    await user.type(field(), 'bi');
    const bills = await screen.findByRole('option', { name: 'bills' });
    expect(bills).toHaveAccessibleName('bills');
    expect(bills).toHaveAccessibleDescription('42 tickets');
    expect(bills.querySelector('[data-note]')).toHaveAttribute('data-note', '42 tickets');
    expect(bills.querySelector('mark')).toHaveTextContent(/^bi$/);
  });

  it('the empty field offers the recent tags first, then the most used ones, never one the record has', async () => {
    const recent = memoryRecent(['escalated', 'urgent']);
    const { user } = await open(['urgent'], recent);
    await user.click(field());
    await waitFor(() => expect(options()).toEqual(['escalated', 'bills', 'refund']));
    expect(screen.getByRole('option', { name: 'escalated' })).toHaveAccessibleDescription('Recent');
  });

  it('a tag the agent adds becomes a recent one', async () => {
    const recent = memoryRecent();
    const { user } = await open([], recent);
    await user.type(field(), 'onsite{Enter}');
    await waitFor(() => expect(recent.list()).toEqual(['onsite']));
  });
});
