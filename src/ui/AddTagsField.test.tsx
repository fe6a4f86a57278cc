import './testing/timing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadAddTagsCombobox } from './AddTagsField';
import { renderPanel } from './testing/renderPanel';

// Garden's Combobox comes in its own chunk; here its arrival waits for `gate.open()`, so the
// tests see the stand-in first and decide when the Combobox takes over.
const gate = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open, asked: 0 };
});
vi.mock('./AddTagsCombobox', async (importOriginal) => {
  gate.asked += 1;
  await gate.opened;
  return importOriginal();
});

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole<HTMLInputElement>('combobox', { name: 'Add tags' });
const gardenInput = () => region().querySelector('[data-garden-id="dropdowns.combobox.input"]');
const tagNames = () =>
  within(region())
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));
const vocabulary = ['warranty', 'warehouse', 'billing'];

// The tests run in order: the Combobox stays away until the "takes over" test opens the gate.
describe('Add tags before Garden’s Combobox arrives', () => {
  it('is the contract’s combobox: named "Add tags", collapsed, list autocomplete', async () => {
    renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    const input = field();
    expect(input.tagName).toBe('INPUT');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).toHaveAttribute('placeholder');
    expect(input).toBeEnabled();
    // The visible label names the same input.
    expect(screen.getByLabelText('Add tags', { selector: 'input' })).toBe(input);
    expect(gardenInput()).toBeNull();
    expect(screen.queryAllByRole('option')).toEqual([]);
    // Asked for once the field is on screen, without the agent doing anything.
    await waitFor(() => expect(gate.asked).toBe(1));
  });

  it('Enter adds what was typed, through the same parsing, and the server gets it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await user.type(field(), 'Needs Callback, VIP{Enter}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'needs', 'callback', 'vip']));
    expect(tagNames()).toEqual(['urgent', 'needs', 'callback', 'vip']);
    expect(gardenInput()).toBeNull();
  });

  it('explains invalid input inline and sends nothing; editing clears it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    const before = client.requests.length;
    // Pasted: a typed comma would add "ok" on its own, as Zendesk's field does.
    await user.click(field());
    await user.paste('ok, !!!');
    await user.keyboard('{Enter}');
    const alert = within(region()).getByRole('alert');
    expect(alert).toHaveTextContent('"!!!" has no letters or numbers');
    expect(within(alert).getByRole('img', { name: 'Error' })).toBeInTheDocument();
    expect(field().getAttribute('aria-describedby') ?? '').toContain(alert.id);
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveValue('ok, !!!');
    await new Promise((r) => setTimeout(r, 30));
    expect(client.requests.slice(before).filter((r) => r.type === 'PUT')).toHaveLength(0);
    await user.type(field(), '{Backspace}');
    expect(within(region()).queryByRole('alert')).toBeNull();
    expect(field()).not.toHaveAttribute('aria-invalid');
  });

  it('Backspace in the empty field moves to the last tag', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'vip'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'vip']));
    await user.click(field());
    await user.keyboard('{Backspace}');
    expect(within(region()).getByRole('button', { name: 'Remove tag vip' }).closest('li')).toContainElement(
      document.activeElement as HTMLElement,
    );
  });

  it('the Combobox takes over with the typed text (after any IME composition); focus, caret and suggestions stay with the focused field', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary });
    renderPanel({ ticket: { id: 9, tags: [] }, vocabulary, title: 'Other tags' });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    const other = () => within(screen.getByRole('region', { name: 'Other tags' })).getByRole('combobox', { name: 'Add tags' });
    // Typed into one field, then left for the other: the first keeps its text, closed.
    await user.type(other(), 'warr');
    await user.type(field(), 'wrr');
    const standIn = field();
    standIn.setSelectionRange(1, 1);
    expect(gardenInput()).toBeNull();
    // An IME composition holds the swap until it ends.
    fireEvent.compositionStart(standIn);

    await act(async () => {
      gate.open();
      await loadAddTagsCombobox();
    });
    expect(other()).toHaveAttribute('data-garden-id', 'dropdowns.combobox.input');
    expect(field()).toBe(standIn);
    fireEvent.compositionEnd(standIn);
    await waitFor(() => expect(gardenInput()).not.toBeNull());
    const input = field();
    expect(input).not.toBe(standIn);
    expect(input).toBe(gardenInput());
    expect(input).toHaveValue('wrr');
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([1, 1]);
    expect(other()).toHaveValue('warr');
    expect(other()).toHaveAttribute('data-garden-id', 'dropdowns.combobox.input');

    // Typing goes on where the caret was, and the suggestions come with the real Combobox.
    await user.keyboard('a');
    expect(field()).toHaveValue('warr');
    await waitFor(() => expect(screen.queryAllByRole('option').map((o) => o.textContent)).toEqual(['warranty']));
    expect(other()).toHaveAttribute('aria-expanded', 'false');
  });

  it('once the Combobox is here, a new field is the Combobox from its first paint', async () => {
    renderPanel({ ticket: { id: 8, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    expect(field()).toBe(gardenInput());
  });
});
