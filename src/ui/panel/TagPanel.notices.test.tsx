import '../testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGED_NOTICE_MS, EXTERNAL_NOTICE_MS } from '../notices/NoticeList';
import { TagPanel } from './TagPanel';
import { createFakeRecordHandle, savedTags } from '../testing/fakeRecordHandle';
import { renderPanel } from '../testing/renderPanel';

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole('combobox', { name: 'Add tags' });

afterEach(() => {
  vi.useRealTimers();
});

describe('Notices', () => {
  it('one notice per change: "Adding…" while Zendesk has not answered, "Added · Undo" once it confirmed, Undo reverts it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(within(region()).getByText('urgent')).toBeInTheDocument());
    const answer = client.hold((r) => r.type === 'PUT');
    await user.type(field(), 'vip{Enter}');
    const notice = await within(region()).findByText(/Adding "vip"…/);
    // No success mark and no Undo before Zendesk answered.
    expect(within(region()).queryByText(/Added/)).toBeNull();
    expect(within(region()).queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() => expect(answer.count).toBe(1));
    answer.release();
    await waitFor(() => expect(within(region()).getByText(/Added "vip"\./)).toBeInTheDocument());
    expect(within(region()).queryByText(/Adding "vip"/)).toBeNull();
    expect(notice.closest('[data-notice]')).toHaveAttribute('data-notice', 'done');
    expect(notice.closest('[data-notice]')).toHaveAttribute('data-message', 'success');
    expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'vip']);
    await user.click(within(region()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent']));
    expect(within(region()).queryByText('vip')).toBeNull();
    expect(within(region()).queryByText(/Added "vip"/)).toBeNull();
  });

  it('a refused change turns its own notice into "Couldn\'t add X: <reason>", in its place, with no success before it', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(within(region()).getByText('urgent')).toBeInTheDocument());
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(region().textContent ?? ''));
    observer.observe(region(), { subtree: true, childList: true, characterData: true });
    client.failNext({ match: (r) => r.type === 'PUT', status: 404, body: { error: 'RecordNotFound' } });
    await user.type(field(), 'vip{Enter}');
    const alert = await within(region()).findByRole('alert');
    observer.disconnect();
    expect(alert).toHaveTextContent(`Couldn't add "vip": this record no longer exists`);
    expect(seen.some((text) => text.includes('Adding "vip"…'))).toBe(true);
    expect(seen.some((text) => /Added "vip"/.test(text))).toBe(false);
    expect(within(region()).queryAllByText(/"vip"/)).toHaveLength(1);
  });

  it('says "Someone else added X" and marks that tag after a refresh finds it', async () => {
    const { client, handle } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(within(region()).getByText('urgent')).toBeInTheDocument());
    client.setTags('ticket', 7, ['urgent', 'escalated']);
    await act(() => handle.refresh());
    expect(within(region()).getByRole('status')).toHaveTextContent('Someone else added "escalated".');
    const item = within(region()).getByText('escalated').closest('li')!;
    expect(item).toHaveTextContent('Added by someone else');
  });

  it('dismisses the Undo offer after 8 seconds and "someone else" news after 6, but keeps failures', () => {
    vi.useFakeTimers();
    const handle = createFakeRecordHandle({
      tags: savedTags('urgent', 'vip'),
      notices: [
        { id: 1, kind: 'change', status: 'done', change: { id: 11, op: 'add', tags: ['vip'] } },
        { id: 2, kind: 'external_change', added: ['x'], removed: [] },
        { id: 3, kind: 'change', status: 'failed', change: { id: 12, op: 'remove', tags: ['urgent'] }, error: 'server' },
        { id: 4, kind: 'change', status: 'sending', change: { id: 13, op: 'add', tags: ['billing'] } },
      ],
    });
    render(
      <ThemeProvider>
        <TagPanel handle={handle} title="Ticket tags" />
      </ThemeProvider>,
    );
    expect(within(region()).getByRole('alert')).toHaveTextContent(`Couldn't remove "urgent": not saved, Zendesk didn't answer.`);
    act(() => vi.advanceTimersByTime(EXTERNAL_NOTICE_MS));
    expect(handle.calls.filter((c) => c.method === 'dismissNotice').map((c) => c.args[0])).toEqual([2]);
    act(() => vi.advanceTimersByTime(CHANGED_NOTICE_MS - EXTERNAL_NOTICE_MS));
    expect(handle.calls.filter((c) => c.method === 'dismissNotice').map((c) => c.args[0])).toEqual([2, 1]);
    act(() => vi.advanceTimersByTime(60_000));
    expect(within(region()).getByRole('alert')).toBeInTheDocument();
    // A change still on its way keeps its notice: it has no outcome yet.
    expect(within(region()).getByText(/Adding "billing"…/)).toBeInTheDocument();
    expect(handle.calls.filter((c) => c.method === 'dismissNotice').map((c) => c.args[0])).toEqual([2, 1]);
  });

  it('names every tag of a multi-tag change', () => {
    const handle = createFakeRecordHandle({
      tags: savedTags('a', 'b'),
      notices: [{ id: 1, kind: 'change', status: 'done', change: { id: 11, op: 'remove', tags: ['c', 'd'] } }],
    });
    render(
      <ThemeProvider>
        <TagPanel handle={handle} title="Ticket tags" />
      </ThemeProvider>,
    );
    expect(within(region()).getByRole('status')).toHaveTextContent('Removed "c", "d".');
    expect(within(region()).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(within(region()).getByRole('heading', { name: /, 2 tags$/ })).toBeInTheDocument();
  });
});
