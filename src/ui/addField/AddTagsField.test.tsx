import '../testing/timing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPanel } from '../testing/renderPanel';

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole<HTMLInputElement>('combobox', { name: 'Add tags' });
const tagNames = () =>
  within(region())
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));

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

describe('Add tags', () => {
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
    expect(screen.queryAllByRole('option')).toEqual([]);
  });

  it('Enter adds what was typed, through the same parsing, and the server gets it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await user.type(field(), 'Needs Callback, VIP{Enter}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'needs', 'callback', 'vip']));
    expect(tagNames()).toEqual(['urgent', 'needs', 'callback', 'vip']);
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

  it('Enter adds exactly what the field holds, even keys a render has not caught up with yet', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await keysAheadOfState(user, field(), 'escalat', 'escalated');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'escalated']));
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
});
