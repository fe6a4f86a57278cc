import '../testing/timing';
import { render, screen } from '@testing-library/react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../domain/sync/view';
import { SyncStatusNote } from './SyncStatusNote';

const base: RecordView = { ref: { kind: 'ticket', id: 1 }, phase: 'ready', tags: [{ name: 'later', state: 'saving' }], notices: [], busy: true };

function show(view: RecordView) {
  return render(
    <ThemeProvider>
      <SyncStatusNote view={view} />
    </ThemeProvider>,
  );
}

describe('the connection line', () => {
  it('says nothing while Zendesk answers and the browser keeps changes', () => {
    const { container } = show(base);
    expect(container.textContent).toBe('');
  });

  it('says Zendesk cannot be reached and that the changes go when it is back', () => {
    show({ ...base, offline: true });
    expect(screen.getByRole('status')).toHaveTextContent("Zendesk can't be reached. Your changes will be sent when it's back.");
  });

  it('says to keep the tab open when nothing in this browser can keep unsaved changes', () => {
    show({ ...base, notKept: true });
    expect(screen.getByRole('status')).toHaveTextContent("This browser can't keep unsaved changes: keep this tab open until they are saved.");
  });

  it('puts being offline first: it is what the agent can act on', () => {
    show({ ...base, offline: true, notKept: true });
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent(/can't be reached/);
  });
});
