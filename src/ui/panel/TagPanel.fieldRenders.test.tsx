import '../testing/timing';
import { screen, waitFor, within } from '@testing-library/react';
import { forwardRef, memo, type ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderPanel } from '../testing/renderPanel';

// On a big record the panel renders on every change the engine reports: each save, each
// answer. The add field (a Garden combobox and its menu) must not render again for those, so
// the panel hands it the same props until something it shows changed.
const fieldRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../addField/AddTagsField', async (importOriginal) => {
  const real = await importOriginal<typeof import('../addField/AddTagsField')>();
  const Counted = forwardRef<import('../addField/AddTagsField').AddTagsFieldApi, ComponentProps<typeof real.AddTagsField>>(function Counted(props, ref) {
    fieldRenders.count++;
    return <real.AddTagsField {...props} ref={ref} />;
  });
  return { ...real, AddTagsField: memo(Counted) };
});

describe('TagPanel: the add field while tags save', () => {
  it('renders the field again when the names change, not when a save only changes their state', async () => {
    const { user, client } = renderPanel({ ticket: { id: 7, tags: ['urgent'] } });
    const region = await screen.findByRole('region', { name: 'Ticket tags' });
    await waitFor(() => expect(within(region).getByRole('button', { name: 'Remove tag urgent' })).toBeEnabled());
    const field = within(region).getByRole('combobox', { name: 'Add tags' });
    const writes = client.hold((request) => request.type === 'PUT');
    await user.type(field, 'vip{Enter}');
    const row = () => within(region).getByText('vip').closest('[role="row"]');
    await waitFor(() => expect(row()).toHaveAttribute('data-state', 'saving'));
    await waitFor(() => expect(writes.count).toBe(1));
    const beforeSave = fieldRenders.count;
    expect(beforeSave).toBeGreaterThan(0);
    writes.releaseAll();
    await waitFor(() => expect(client.tagsOf('ticket', 7)).toEqual(['urgent', 'vip']));
    await waitFor(() => expect(row()).toHaveAttribute('data-state', 'saved'));
    // "saving" → "saved", and the notice that says so: nothing the field shows.
    expect(fieldRenders.count).toBe(beforeSave);
  });
});
