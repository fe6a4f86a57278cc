import '../testing/timing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZafRequestOptions } from '../../zaf/client';
import { renderPanel } from '../testing/renderPanel';

const region = (name: string) => screen.getByRole('region', { name });
const field = (name: string) => within(region(name)).getByRole('combobox', { name: 'Add tags' });
const tagNames = (name: string) =>
  within(region(name))
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));

const writes = (r: ZafRequestOptions) => r.type === 'PUT' || r.type === 'DELETE';
const TAGGING_OFF = {
  match: writes,
  status: 403,
  body: { error: 'Forbidden', description: 'Tags on users and organizations are disabled for this account.' },
};
const NO_PERMISSION = { match: writes, status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } };
const ADMIN_SENTENCE = 'An admin must turn on Tags on users and organizations (Admin Center > People > Configuration > End users).';

describe('Closed tickets', () => {
  it('are read-only with the reason: tags listed, no add field, no remove buttons', async () => {
    const { client } = renderPanel({ ticket: { id: 9, tags: ['solved_by_bot'], status: 'closed' } });
    await waitFor(() => expect(tagNames('Ticket tags')).toEqual(['solved_by_bot']));
    const panel = region('Ticket tags');
    expect(within(panel).getByRole('note')).toHaveTextContent("This ticket is closed. Closed tickets can't change tags.");
    expect(within(panel).queryByRole('combobox')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /Remove tag/ })).toBeNull();
    expect(client.requests.filter((r) => r.type !== 'GET')).toHaveLength(0);
  });

  it('a ticket closed meanwhile rolls the add back with an alert saying what happened and what to do', async () => {
    const { client, user } = renderPanel({ ticket: { id: 9, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames('Ticket tags')).toEqual(['urgent']));
    client.closeTicket(9);
    await user.type(field('Ticket tags'), 'vip{Enter}');
    const alert = await within(region('Ticket tags')).findByRole('alert');
    expect(alert).toHaveTextContent(`Couldn't add "vip": this ticket is closed. Closed tickets can't change tags.`);
    expect(tagNames('Ticket tags')).toEqual(['urgent']);
    expect(within(region('Ticket tags')).queryByRole('combobox')).toBeNull();
    expect(client.tagsOf('ticket', 9)).toEqual(['urgent']);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(within(region('Ticket tags')).queryByRole('alert')).toBeNull();
  });
});

describe('403 on users and organizations', () => {
  it('tagging turned off: the add is rolled back and the agent learns what an admin must do', async () => {
    const { client, user } = renderPanel({ user: { id: 5, tags: [] } });
    await waitFor(() => expect(within(region('User tags')).getByText('No tags yet')).toBeInTheDocument());
    client.failNext(TAGGING_OFF);
    await user.type(field('User tags'), 'gold{Enter}');
    const alert = await within(region('User tags')).findByRole('alert');
    expect(alert).toHaveTextContent(`Couldn't add "gold"`);
    expect(alert).toHaveTextContent(ADMIN_SENTENCE);
    expect(tagNames('User tags')).toEqual([]);
    // A warning, not an error, and not said twice: the read-only note waits until it is dismissed.
    expect(alert).toHaveAttribute('data-message', 'warning');
    expect(within(region('User tags')).queryByRole('note')).toBeNull();
    expect(within(region('User tags')).queryByRole('combobox')).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(within(region('User tags')).getByRole('note')).toHaveTextContent(ADMIN_SENTENCE);
    expect(within(region('User tags')).queryByRole('alert')).toBeNull();
  });

  it('no permission: the removal is rolled back and the agent is told to ask an admin', async () => {
    const { client, user } = renderPanel({ organization: { id: 6, tags: ['partner', 'emea'] } });
    await waitFor(() => expect(tagNames('Organization tags')).toEqual(['partner', 'emea']));
    client.failNext(NO_PERMISSION);
    await user.click(within(region('Organization tags')).getByRole('button', { name: 'Remove tag emea' }));
    const alert = await within(region('Organization tags')).findByRole('alert');
    expect(alert).toHaveTextContent(`Couldn't remove "emea". You don't have permission to change these tags. Ask an admin.`);
    expect(tagNames('Organization tags')).toEqual(['partner', 'emea']);
    expect(within(region('Organization tags')).queryByRole('button', { name: /Remove tag/ })).toBeNull();
    expect(client.tagsOf('organization', 6)).toEqual(['partner', 'emea']);
  });

  it('a 403 while loading says why in one line instead of an error box with a retry', async () => {
    renderPanel({ user: { id: 5, tags: ['x'] }, failures: [{ ...TAGGING_OFF, match: undefined }] });
    const note = await within(region('User tags')).findByRole('note');
    expect(note).toHaveTextContent(ADMIN_SENTENCE);
    expect(within(region('User tags')).queryByRole('alert')).toBeNull();
    expect(within(region('User tags')).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(within(region('User tags')).queryByRole('combobox')).toBeNull();
  });
});

describe('Sync states', () => {
  it('an add Zendesk never answered: "Not added · Retry adding gold" at the tag, the notice says not saved, Retry sends it', async () => {
    const { client, user } = renderPanel({ user: { id: 5, tags: [] } });
    await waitFor(() => expect(within(region('User tags')).getByText('No tags yet')).toBeInTheDocument());
    client.failNext({ status: 500, match: writes });
    client.failNext({ status: 503, match: writes });
    await user.type(field('User tags'), 'gold{Enter}');
    const alert = await within(region('User tags')).findByRole('alert');
    expect(alert).toHaveTextContent(`Couldn't add "gold": not saved, Zendesk didn't answer.`);
    const item = within(region('User tags')).getByText('gold').closest('li')!;
    expect(item).toHaveTextContent('Not added · Retry adding gold');
    expect(within(region('User tags')).queryByText(/Added/)).toBeNull();
    expect(client.tagsOf('user', 5)).toEqual([]);
    await user.click(within(item).getByRole('button', { name: 'Retry adding gold' }));
    await waitFor(() => expect(client.tagsOf('user', 5)).toEqual(['gold']));
    await waitFor(() => expect(within(region('User tags')).getByText('gold').closest('li')).not.toHaveTextContent('Not added'));
    await waitFor(() => expect(within(region('User tags')).queryByRole('alert')).toBeNull());
    expect(within(region('User tags')).getByRole('status')).toHaveTextContent('Added "gold".');
  });

  it('a removal that did not happen stays, struck through: "Not removed · Retry removing emea"; Retry sends only that change', async () => {
    const { client, user } = renderPanel({ user: { id: 5, tags: ['partner', 'emea'] } });
    await waitFor(() => expect(tagNames('User tags')).toEqual(['partner', 'emea']));
    client.failNext({ status: 500, match: writes });
    client.failNext({ status: 500, match: writes });
    await user.click(within(region('User tags')).getByRole('button', { name: 'Remove tag emea' }));
    const item = await waitFor(() => {
      const li = within(region('User tags')).getByText('emea').closest('li')!;
      expect(li).toHaveTextContent('Not removed · Retry removing emea');
      return li;
    });
    expect(within(item).getByText('emea')).toHaveStyle({ textDecoration: 'line-through' });
    expect(within(region('User tags')).getByRole('alert')).toHaveTextContent(`Couldn't remove "emea": not saved`);
    const before = client.requests.length;
    await user.click(within(item).getByRole('button', { name: 'Retry removing emea' }));
    await waitFor(() => expect(client.tagsOf('user', 5)).toEqual(['partner']));
    expect(client.requests.slice(before).filter(writes).map((r) => `${r.type} ${r.data}`)).toEqual(['DELETE {"tags":["emea"]}']);
    await waitFor(() => expect(tagNames('User tags')).toEqual(['partner']));
  });

  it('a rate-limited change says it is waiting for Zendesk, then saves', async () => {
    const waiters: (() => void)[] = [];
    const sleep = (ms: number) => (ms >= 1000 ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve());
    const { client, user } = renderPanel({ user: { id: 5, tags: [] }, sleep });
    await waitFor(() => expect(within(region('User tags')).getByText('No tags yet')).toBeInTheDocument());
    client.failNext({ match: writes, status: 429, headers: { 'Retry-After': '30' }, body: 'Too many requests' });
    await user.type(field('User tags'), 'gold{Enter}');
    const chip = await within(region('User tags')).findByText('gold');
    await waitFor(() => expect(within(chip.closest('li')!).getByRole('img', { name: 'Waiting for Zendesk' })).toBeInTheDocument());
    expect(client.tagsOf('user', 5)).toEqual([]);
    act(() => waiters.shift()!());
    await waitFor(() => expect(client.tagsOf('user', 5)).toEqual(['gold']));
    await waitFor(() => expect(within(chip.closest('li')!).queryByRole('img')).toBeNull());
  });
});
