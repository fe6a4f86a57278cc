import '../testing/timing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutocompleteAnswer } from '../../domain/suggest';
import type { SuggestionSource } from '../addField/suggestionSource';
import { deferred } from '../testing/deferred';
import { renderPanel } from '../testing/renderPanel';

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole('combobox', { name: 'Add tags' });
const options = () => screen.queryAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.textContent);
const tagNames = () =>
  within(region())
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));

const vocabulary = ['billing', 'bills', 'birthday', 'vip', 'printer', 'priority', 'problem'];
const popular = [
  { name: 'vip', count: 50 },
  { name: 'bills', count: 9 },
];

/** An empty ticket with "bi" typed and its three suggestions showing. */
async function typedBi() {
  const panel = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
  await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
  await panel.user.type(field(), 'bi');
  await waitFor(() => expect(options()).toEqual(['bills', 'billing', 'birthday']));
  return panel;
}

describe('Suggestions', () => {
  it('appear from two characters: popular first, then alphabetical, without tags already there', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: ['billing'] }, vocabulary, popular });
    await waitFor(() => expect(tagNames()).toEqual(['billing']));
    await user.type(field(), 'b');
    await new Promise((r) => setTimeout(r, 200));
    expect(options()).toEqual([]);
    expect(client.requestsTo('/autocomplete')).toHaveLength(0);
    await user.type(field(), 'i');
    await waitFor(() => expect(options()).toEqual(['bills', 'birthday']));
    expect(client.requestsTo('/autocomplete')[0]!.url).toContain('name=bi');
  });

  it('keyboard: arrows move, Enter adds the highlighted suggestion', async () => {
    const { user, client } = await typedBi();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('option', { name: 'billing' })).toHaveAttribute('aria-selected', 'false');
    expect(field().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'billing' }).id);
    await user.keyboard('{Enter}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['billing']));
    expect(tagNames()).toEqual(['billing']);
  });

  it('Enter with nothing highlighted adds exactly what was typed', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'bi');
    await waitFor(() => expect(options()).not.toEqual([]));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['bi']));
  });

  it('typing on after a highlight clears it: Enter adds what was typed, not the option highlighted before', async () => {
    const { user, client } = await typedBi();
    await user.keyboard('{ArrowDown}');
    expect(field().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'bills' }).id);
    await user.keyboard('l');
    await waitFor(() => expect(options()).toEqual(['bills', 'billing']));
    expect(field()).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['bil']));
  });

  it('mouse: clicking a suggestion adds it, with the words typed before it', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'urgent, bir');
    await waitFor(() => expect(options()).toEqual(['birthday']));
    await user.click(screen.getByRole('option', { name: 'birthday' }));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'birthday']));
    expect(field()).toHaveValue('');
  });

  it('Escape closes the suggestions and keeps the text', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'pri');
    await waitFor(() => expect(options()).toEqual(['printer', 'priority']));
    await user.keyboard('{Escape}');
    expect(options()).toEqual([]);
    expect(field()).toHaveValue('pri');
    expect(field()).toHaveAttribute('aria-expanded', 'false');
  });

  it('never shows an older, slower answer over the newest one', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<AutocompleteAnswer>>>();
    const source: SuggestionSource = {
      autocomplete: (prefix) => {
        const d = deferred<AutocompleteAnswer>();
        answers.set(prefix, d);
        return d.promise;
      },
      popularTags: async () => [],
    };
    const { user } = renderPanel({ ticket: { id: 7, tags: [] }, source });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'pr');
    await waitFor(() => expect(answers.has('pr')).toBe(true));
    await user.type(field(), 'i');
    await waitFor(() => expect(answers.has('pri')).toBe(true));
    await act(async () => answers.get('pri')!.resolve({ tags: ['priority'] }));
    await waitFor(() => expect(options()).toEqual(['priority']));
    // The answer to "pr" was asked first and comes last; "pricing" is no longer a tag.
    await act(async () => {
      answers.get('pr')!.resolve({ tags: ['pricing', 'priority', 'problem'] });
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(options()).toEqual(['priority']);
  });

  it('Enter adds the suggestion the agent highlighted even if a later answer reorders the list', async () => {
    const popularTags = deferred<readonly { name: string; count: number }[]>();
    const source: SuggestionSource = {
      autocomplete: async () => ({ tags: ['billing', 'bills', 'birthday'] }),
      popularTags: () => popularTags.promise,
    };
    const { user, client } = renderPanel({ ticket: { id: 7, tags: [] }, source });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'bi');
    await waitFor(() => expect(options()).toEqual(['billing', 'bills', 'birthday']));
    await user.keyboard('{ArrowDown}');
    expect(field().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'billing' }).id);
    // Popularity arrives late and moves "bills" first.
    await act(async () => popularTags.resolve([{ name: 'bills', count: 5 }]));
    await waitFor(() => expect(options()).toEqual(['bills', 'billing', 'birthday']));
    expect(field().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'billing' }).id);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['billing']));
  });

  it('reuses known answers: a longer prefix of a complete answer needs no request; popular tags are fetched once', async () => {
    const { user, client, popularCalls } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary, popular });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.type(field(), 'pr');
    await waitFor(() => expect(options()).toEqual(['printer', 'priority', 'problem']));
    await user.type(field(), 'i');
    await waitFor(() => expect(options()).toEqual(['printer', 'priority']));
    await user.type(field(), '{Backspace}{Backspace}{Backspace}pr');
    await waitFor(() => expect(options()).toEqual(['printer', 'priority', 'problem']));
    await new Promise((r) => setTimeout(r, 200));
    expect(client.requestsTo('/autocomplete')).toHaveLength(1);
    expect(popularCalls()).toBe(1);
    expect(client.requestsTo('/api/v2/tags.json')).toHaveLength(1);
  });
});
