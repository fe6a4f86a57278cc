import './testing/timing';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGED_NOTICE_MS, EXTERNAL_NOTICE_MS } from './NoticeList';
import { TagPanel } from './TagPanel';
import { createFakeRecordHandle, savedTags } from './testing/fakeRecordHandle';
import { renderPanel } from './testing/renderPanel';

const region = () => screen.getByRole('region', { name: 'Ticket tags' });
const field = () => within(region()).getByRole('combobox', { name: 'Add tags' });

afterEach(() => {
  vi.useRealTimers();
});

describe('Notices', () => {
  it('confirms a change briefly with an Undo that reverts it on the server', async () => {
    const { client, user } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    await waitFor(() => expect(within(region()).getByText('urgent')).toBeInTheDocument());
    await user.type(field(), 'vip{Enter}');
    const status = within(region()).getByRole('status');
    expect(status).toHaveTextContent('Added "vip".');
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'vip']));
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent']));
    expect(within(region()).queryByText('vip')).toBeNull();
    expect(status).not.toHaveTextContent('Added "vip".');
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
        { id: 1, kind: 'changed', change: { id: 11, op: 'add', tags: ['vip'] } },
        { id: 2, kind: 'external_change', added: ['x'], removed: [] },
        { id: 3, kind: 'rolled_back', op: 'remove', tags: ['urgent'], error: 'server' },
      ],
    });
    render(
      <ThemeProvider>
        <TagPanel handle={handle} title="Ticket tags" />
      </ThemeProvider>,
    );
    expect(within(region()).getByRole('alert')).toHaveTextContent(`Couldn't remove "urgent": Zendesk didn't answer. Try again in a moment.`);
    act(() => vi.advanceTimersByTime(EXTERNAL_NOTICE_MS));
    expect(handle.calls.filter((c) => c.method === 'dismissNotice').map((c) => c.args[0])).toEqual([2]);
    act(() => vi.advanceTimersByTime(CHANGED_NOTICE_MS - EXTERNAL_NOTICE_MS));
    expect(handle.calls.filter((c) => c.method === 'dismissNotice').map((c) => c.args[0])).toEqual([2, 1]);
    act(() => vi.advanceTimersByTime(60_000));
    expect(within(region()).getByRole('alert')).toBeInTheDocument();
  });

  it('names every tag of a multi-tag change', () => {
    const handle = createFakeRecordHandle({
      tags: savedTags('a', 'b'),
      notices: [{ id: 1, kind: 'changed', change: { id: 11, op: 'remove', tags: ['c', 'd'] } }],
    });
    render(
      <ThemeProvider>
        <TagPanel handle={handle} title="Ticket tags" />
      </ThemeProvider>,
    );
    expect(within(region()).getByRole('status')).toHaveTextContent('Removed "c", "d".');
    expect(within(region()).getByRole('heading', { name: /, 2 tags$/ })).toBeInTheDocument();
  });
});
