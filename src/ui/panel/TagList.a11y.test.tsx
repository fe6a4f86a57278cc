import '../testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import { createFakeZafClient } from '../testing/fakeZafClient';
import { renderPanel } from '../testing/renderPanel';
import { COMPACT_ABOVE } from './density';
import type { ZafRequestOptions } from '../../zaf/client';

// What a screen reader and a keyboard get from the tag list: a grid of rows in order,
// states said in words, focus that lands where the agent expects after each action.

const region = (name = 'Ticket tags') => screen.getByRole('region', { name });
const cell = (name: string, where = 'Ticket tags') => within(region(where)).getByText(name).closest<HTMLElement>('[role="gridcell"]')!;
const writes = (r: ZafRequestOptions) => r.type === 'PUT' || r.type === 'DELETE';
/** The add field, once the panel shows it. */
function addField(where = 'Ticket tags') {
  return within(region(where)).findByRole('combobox', { name: /^Add tags/ });
}

describe('the tag list for assistive technology', () => {
  it('is a grid named "Tags" with one row per tag, in server order (the browser counts the positions)', async () => {
    renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing', 'vip'] } });
    const grid = await within(region()).findByRole('grid', { name: 'Tags' });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    const rows = within(grid).getAllByRole('row');
    expect(rows.map((row) => row.dataset.tag)).toEqual(['urgent', 'billing', 'vip']);
    // The focusable part of a tag is a named cell; its remove button is another cell.
    const urgent = within(rows[0]!).getAllByRole('gridcell');
    expect(urgent[0]).toHaveAccessibleName('urgent');
    expect(within(urgent[1]!).getByRole('button', { name: 'Remove tag urgent' })).toBeInTheDocument();
  });

  it('names each group heading with its count', async () => {
    renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing'] }, title: 'Ticket tags' });
    expect(await within(region()).findByRole('heading', { name: 'Ticket tags, 2 tags' })).toBeInTheDocument();
  });

  it('says a saving tag is saving, in the tag\'s own cell, with its full name shown', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: [] } });
    const held = client.hold(writes);
    await user.type(await addField(), 'needs_callback{Enter}');
    const saving = await waitFor(() => cell('needs_callback'));
    expect(saving).toHaveAccessibleName('needs_callback Saving');
    expect(saving.closest('[role="row"]')).toHaveAttribute('data-state', 'saving');
    held.releaseAll();
  });
});

describe('density', () => {
  it(`uses compact pills above ${COMPACT_ABOVE} tags, and comfortable ones up to it`, async () => {
    const many = Array.from({ length: COMPACT_ABOVE + 1 }, (_, i) => `tag_${i}`);
    const first = renderPanel({ ticket: { id: 7, tags: many.slice(0, COMPACT_ABOVE) } });
    await waitFor(() => expect(within(region()).getAllByRole('row')).toHaveLength(COMPACT_ABOVE));
    expect(within(region()).getByRole('grid')).toHaveAttribute('data-density', 'comfortable');
    first.result.unmount();
    renderPanel({ ticket: { id: 8, tags: many } });
    await waitFor(() => expect(within(region()).getAllByRole('row')).toHaveLength(COMPACT_ABOVE + 1));
    expect(within(region()).getByRole('grid')).toHaveAttribute('data-density', 'compact');
  });
});

describe('focus after an action', () => {
  it('after removing a tag with its button: the next tag; after the last one: the field', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing'] } });
    await waitFor(() => expect(within(region()).getAllByRole('row')).toHaveLength(2));
    await user.click(within(region()).getByRole('button', { name: 'Remove tag urgent' }));
    await waitFor(() => expect(document.activeElement).toBe(cell('billing')));
    await user.click(within(region()).getByRole('button', { name: 'Remove tag billing' }));
    await waitFor(() => expect(document.activeElement).toBe(within(region()).getByRole('combobox', { name: /^Add tags/ })));
  });

  it('after Undo of a removal: the tag it brings back; after Undo of an add: the field', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing'] } });
    await waitFor(() => expect(within(region()).getAllByRole('row')).toHaveLength(2));
    await user.click(within(region()).getByRole('button', { name: 'Remove tag urgent' }));
    await user.click(await within(region()).findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.activeElement).toBe(cell('urgent')));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(expect.arrayContaining(['urgent', 'billing'])));
    await user.type(await addField(), 'gold{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toContain('gold'));
    const undos = await within(region()).findAllByRole('button', { name: 'Undo' });
    await user.click(undos[undos.length - 1]!);
    await waitFor(() => expect(client.tagsOf('ticket', 7)).not.toContain('gold'));
    expect(document.activeElement).toBe(within(region()).getByRole('combobox', { name: /^Add tags/ }));
  });

  it('after Retry: the tag it sends again', async () => {
    const { client, user } = renderPanel({ user: { id: 5, tags: [] } });
    await waitFor(() => expect(within(region('User tags')).getByText('No tags yet')).toBeInTheDocument());
    client.failNext({ status: 500, match: writes });
    client.failNext({ status: 503, match: writes });
    await user.type(await addField('User tags'), 'gold{Enter}');
    const retry = await within(region('User tags')).findByRole('button', { name: /Retry/ });
    await user.click(retry);
    await waitFor(() => expect(document.activeElement).toBe(cell('gold', 'User tags')));
  });
});

describe('the origin marker', () => {
  // Focus opens the tooltip only when it is :focus-visible, which jsdom does not match: the
  // browser tests check the tooltip on keyboard focus.
  it('takes focus with Tab from its tag and shows its explanation in a tooltip on hover', async () => {
    const client = createFakeZafClient({
      ticket: { id: 7, tags: ['vip', 'urgent'], requester: { id: 70, name: 'Ann', tags: ['vip'] } },
    });
    const user = userEvent.setup();
    render(<App client={client} />);
    await screen.findByRole('region', { name: 'Requester tags' });
    const vip = await waitFor(() => {
      const found = cell('vip');
      expect(within(found.closest('[role="row"]')!).getByRole('img', { name: /Also on the requester/ })).toBeInTheDocument();
      return found;
    });
    act(() => vip.focus());
    await user.tab();
    const marker = within(vip.closest('[role="row"]')!).getByRole('img', { name: /Also on the requester/ });
    expect(document.activeElement).toBe(marker);
    await user.hover(marker);
    const tooltip = await screen.findByRole('tooltip', { hidden: true });
    await waitFor(() => expect(tooltip).toHaveAttribute('aria-hidden', 'false'));
    expect(tooltip).toHaveTextContent(/Also on the requester/);
  });
});
