import '../testing/timing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadAddTagsCombobox } from './AddTagsField';
import { renderPanel } from '../testing/renderPanel';

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

/** Puts text in the field the way the browser does, without React seeing an input event. */
function setValueBehindReact(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
}

/**
 * Keys that came with no pause: the field holds `onScreen` while the last render only saw
 * `typed`. Then Enter.
 */
async function keysAheadOfState(user: ReturnType<typeof renderPanel>['user'], input: HTMLInputElement, typed: string, onScreen: string) {
  await user.type(input, typed);
  setValueBehindReact(input, onScreen);
  fireEvent.keyDown(input, { key: 'Enter' });
}

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

  it('Enter adds exactly what the stand-in holds, even keys a render has not caught up with yet', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await keysAheadOfState(user, field(), 'escalat', 'escalated');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'escalated']));
    expect(field()).toHaveValue('');
    expect(gardenInput()).toBeNull();
  });

  it('never replaces a focused field holding text; takes over when it is empty and quiet, keeping focus', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: [] }, vocabulary });
    renderPanel({ ticket: { id: 9, tags: [] }, vocabulary, title: 'Other tags' });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    const other = () => within(screen.getByRole('region', { name: 'Other tags' })).getByRole('combobox', { name: 'Add tags' });
    // Typed into one field, then left for the other: the first keeps its text, closed.
    await user.type(other(), 'warr');
    await user.type(field(), 'wrr');
    const standIn = field();
    expect(gardenInput()).toBeNull();

    await act(async () => {
      gate.open();
      await loadAddTagsCombobox();
    });
    // The field nobody is in is the Combobox now, with its text; the focused one stays as it is.
    expect(other()).toHaveAttribute('data-garden-id', 'dropdowns.combobox.input');
    expect(other()).toHaveValue('warr');
    expect(other()).toHaveAttribute('aria-expanded', 'false');
    expect(field()).toBe(standIn);
    await user.keyboard('y');
    await act(() => new Promise((r) => setTimeout(r, 600)));
    expect(field()).toBe(standIn);
    expect(standIn).toHaveFocus();
    expect(field()).toHaveValue('wrry');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['wrry']));
    await waitFor(() => expect(gardenInput()).not.toBeNull());
    expect(field()).toBe(gardenInput());
    expect(field()).toHaveFocus();

    // Typing goes on in the real Combobox, with its suggestions.
    await user.keyboard('warr');
    await waitFor(() => expect(screen.queryAllByRole('option').map((o) => o.textContent)).toEqual(['warranty']));
  });

  it('with the Combobox too, Enter adds exactly what the field holds', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    expect(field()).toBe(gardenInput());
    await keysAheadOfState(user, field(), 'priorit', 'priority');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'priority']));
    expect(field()).toHaveValue('');
  });

  it('a paste of 600 tags on 600 lines is held whole (no length limit) and Enter adds exactly those tags', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: [] } });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    const tags = Array.from({ length: 600 }, (_, i) => `paste_t_${String(i).padStart(4, '0')}`);
    await user.click(field());
    fireEvent.paste(field(), { clipboardData: { getData: () => tags.join('\n') } });
    expect(field()).not.toHaveAttribute('maxlength');
    expect(field()).toHaveValue(tags.join(' '));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(tags));
    expect(field()).toHaveValue('');
  });

  it('once the Combobox is here, a new field is the Combobox from its first paint', async () => {
    renderPanel({ ticket: { id: 8, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    expect(field()).toBe(gardenInput());
  });
});
