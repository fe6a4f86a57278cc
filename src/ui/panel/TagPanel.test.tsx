import '../testing/timing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPanel } from '../testing/renderPanel';

const region = (name = 'Ticket tags') => screen.getByRole('region', { name });
const field = () => within(region()).getByRole('combobox', { name: 'Add tags' });
const tagNames = () =>
  within(region())
    .queryAllByRole('row')
    .map((li) => li.getAttribute('data-tag'));

describe('TagPanel: seeing tags', () => {
  it('lists the tags in server order with a count and a remove button each', async () => {
    renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing', 'vip'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'billing', 'vip']));
    expect(within(region()).getByRole('heading', { name: 'Ticket tags, 3 tags' })).toBeInTheDocument();
    for (const name of ['urgent', 'billing', 'vip']) {
      expect(within(region()).getByText(name)).toBeVisible();
      expect(within(region()).getByRole('button', { name: `Remove tag ${name}` })).toBeInTheDocument();
    }
  });

  it('shows a labelled loader while loading, then the empty state', async () => {
    const { client } = renderPanel({ ticket: { id: 7, tags: [] } });
    expect(within(region()).getByRole('status', { name: 'Loading tags' })).toBeInTheDocument();
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    expect(within(region()).getByRole('heading', { name: /, 0 tags$/ })).toBeInTheDocument();
    expect(client.requestsTo('/tickets/7')).toHaveLength(1);
  });

  it('says "1 tag" for one tag', async () => {
    renderPanel({ user: { id: 3, tags: ['gold'] } });
    await waitFor(() => expect(within(region('User tags')).getByRole('heading', { name: /, 1 tag$/ })).toBeInTheDocument());
  });

  it('shows a load failure with a retry that reads again', async () => {
    const { client, user } = renderPanel({ organization: { id: 4, tags: ['partner'] }, failures: [500, 503] });
    const panel = region('Organization tags');
    expect(await within(panel).findByRole('alert')).toHaveTextContent("Couldn't load the tags.");
    expect(within(panel).queryByRole('combobox')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(panel).getByText('partner')).toBeInTheDocument());
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(client.requestsTo('/organizations/4/tags', 'GET')).toHaveLength(3);
  });
});

describe('TagPanel: adding', () => {
  it('adds what was typed on Enter, and the server gets it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await user.type(field(), 'VIP{Enter}');
    expect(field()).toHaveValue('');
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'vip']));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'vip']));
    const put = client.requestsTo('/tickets/7/tags', 'PUT');
    expect(put).toHaveLength(1);
    expect(JSON.parse(put[0]!.data!).tags).toEqual(['vip']);
  });

  it('adds every tag of a pasted list: "billing, VIP  refund"', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: [] } });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.click(field());
    await user.paste('billing, VIP  refund');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['billing', 'vip', 'refund']));
    expect(tagNames()).toEqual(['billing', 'vip', 'refund']);
  });

  it('keeps one tag per line when a column of tags is pasted', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: [] } });
    await waitFor(() => expect(within(region()).getByText('No tags yet')).toBeInTheDocument());
    await user.click(field());
    await user.paste('billing\nVIP\r\n\trefund');
    expect(field()).toHaveValue('billing VIP refund');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['billing', 'vip', 'refund']));
  });

  it('explains invalid input next to the field and sends nothing', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    const before = client.requests.length;
    // Pasted: a typed comma would add "ok" on its own, as Zendesk's field does.
    await user.click(field());
    await user.paste('ok, !!!');
    await user.keyboard('{Enter}');
    const alert = within(region()).getByRole('alert');
    expect(alert).toHaveTextContent('"!!!" has no letters or numbers');
    expect(field().getAttribute('aria-describedby') ?? '').toContain(alert.id);
    expect(field()).toHaveValue('ok, !!!');
    expect(field()).toHaveAttribute('aria-invalid', 'true');

    await user.clear(field());
    await user.type(field(), `${'x'.repeat(81)}{Enter}`);
    expect(within(region()).getByRole('alert')).toHaveTextContent('at most 80 characters');
    await new Promise((r) => setTimeout(r, 30));
    expect(client.requests.slice(before).filter((r) => r.type === 'PUT')).toHaveLength(0);
    expect(tagNames()).toEqual(['urgent']);

    await user.type(field(), '{Backspace}');
    expect(within(region()).queryByRole('alert')).toBeNull();
  });

  it('shows a tag as saving until Zendesk confirms it', async () => {
    const { client, user } = renderPanel({ user: { id: 3, tags: [] } });
    await waitFor(() => expect(within(region('User tags')).getByText('No tags yet')).toBeInTheDocument());
    const held = client.hold((r) => r.type === 'PUT');
    await user.type(within(region('User tags')).getByRole('combobox', { name: 'Add tags' }), 'gold{Enter}');
    const chip = await within(region('User tags')).findByText('gold');
    await waitFor(() => expect(held.count).toBe(1));
    expect(within(chip.closest('li')!).getByRole('img', { name: 'Saving' })).toBeInTheDocument();
    act(() => held.releaseAll());
    await waitFor(() => expect(within(chip.closest('li')!).queryByRole('img', { name: 'Saving' })).toBeNull());
    expect(client.tagsOf('user', 3)).toEqual(['gold']);
  });
});

describe('TagPanel: removing', () => {
  it('removes a tag with its remove button', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'billing']));
    await user.click(within(region()).getByRole('button', { name: 'Remove tag urgent' }));
    expect(tagNames()).toEqual(['billing']);
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['billing']));
    expect(JSON.parse(client.requestsTo('/tickets/7/tags', 'DELETE')[0]!.data!).tags).toEqual(['urgent']);
  });

  it('Backspace in the empty field selects the last tag; a second Backspace removes it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'billing']));
    await user.click(field());
    await user.keyboard('{Backspace}');
    // Selected, not deleted.
    expect(tagNames()).toEqual(['urgent', 'billing']);
    expect(document.activeElement).toBe(within(region()).getByText('billing').closest('[tabindex]'));
    await new Promise((r) => setTimeout(r, 30));
    expect(client.requestsTo('/tags', 'DELETE')).toHaveLength(0);

    await user.keyboard('{Backspace}');
    expect(tagNames()).toEqual(['urgent']);
    // The last tag went: focus moves to the one before it.
    expect(document.activeElement).toBe(within(region()).getByText('urgent').closest('[tabindex]'));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent']));
  });

  it('moves between tags with arrows; ← at the start of the field and → past the last tag cross over', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: ['urgent', 'billing', 'vip'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent', 'billing', 'vip']));
    const chip = (name: string) => within(region()).getByText(name).closest('[tabindex]');
    await user.click(field());
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(chip('vip'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(chip('urgent'));
    // Only the focused tag is in the tab order.
    expect(chip('urgent')).toHaveAttribute('tabindex', '0');
    expect(chip('vip')).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{End}{ArrowRight}');
    expect(document.activeElement).toBe(field());
    // Delete on a focused tag removes that tag (and only it).
    await user.keyboard('{ArrowLeft}{ArrowLeft}{Delete}');
    expect(tagNames()).toEqual(['urgent', 'vip']);
    // Focus goes to the tag after the removed one.
    expect(document.activeElement).toBe(chip('vip'));
  });

  it('Backspace while text is typed only edits the text', async () => {
    const { user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(tagNames()).toEqual(['urgent']));
    await user.type(field(), 'ab{Backspace}');
    expect(field()).toHaveValue('a');
    expect(document.activeElement).toBe(field());
  });
});
