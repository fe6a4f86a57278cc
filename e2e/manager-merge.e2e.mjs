// The Tag manager: merge then undo; delete, then retry the failed tickets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, eventually, UI_TIMEOUT } from './lib/harness.mjs';
import { openAction, results, managerKit } from './lib/manager.mjs';

const suite = workspaceSuite();
const { control, seed, archived, taggedAtStart, taggedNow, fastJobs, openManager } = managerKit(suite);

test('merge into another tag, then undo puts back exactly what changed', async () => {
  fastJobs();
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Merge', 'billing-q3');
    const into = dialog.getByRole('combobox', { name: 'Merge into' });
    await into.fill('billin');
    await dialog.getByRole('option', { name: 'billing', exact: true }).click();
    await dialog.getByText(/tickets carry billing-q3/).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    const rows = await results(ws);
    const updated = rows.filter(([, s]) => s === 'Updated').map(([id]) => id);
    assert.ok(updated.length > 50);
    const merged = control().snapshot().tickets;
    for (const id of updated) assert.ok(merged[id].tags.includes('billing') && !merged[id].tags.includes('billing-q3'));

    await ws.app.getByRole('button', { name: 'Undo', exact: true }).click();
    await ws.app.getByRole('heading', { name: /^Undoing: / }).waitFor({ timeout: UI_TIMEOUT });
    await results(ws);
    const undone = control().snapshot().tickets;
    const start = new Map(seed.tickets.map((t) => [t.id, t.tags]));
    // Tickets that had both tags keep billing; the others lose it again.
    for (const id of updated) assert.deepEqual([...undone[id].tags].sort(), [...start.get(id)].sort(), `ticket ${id}`);
  } finally {
    await ws.close();
  }
});

test('delete a tag from every ticket; retry failed sends the change again to the failed ones only', async () => {
  fastJobs();
  const tagged = taggedAtStart('billing_issue').filter((id) => !archived.has(id));
  const locked = tagged[3];
  control().lockTicket(locked, 1);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Delete', 'billing_issue');
    await dialog.getByText(/tickets carry billing_issue/).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    let rows = await results(ws);
    const lockedRow = rows.find(([id]) => id === locked);
    assert.equal(lockedRow[1], 'Failed');
    assert.match(lockedRow[2], /DatabaseConflict/);
    assert.ok(taggedNow('billing_issue').includes(locked));

    control().clearLog();
    await ws.app.getByRole('button', { name: 'Retry failed' }).click();
    await eventually(async () => {
      rows = await results(ws);
      return rows.find(([id]) => id === locked)?.[1] === 'Updated';
    }, 'the locked ticket updated on retry');
    const sent = control().log().filter((e) => e.path.includes('update_many'));
    const ids = sent.flatMap((e) => e.query.ids.split(',').map(Number));
    assert.deepEqual(ids.sort((a, b) => a - b), rows.filter(([, s]) => s === 'Failed').map(([id]) => id).concat(locked).sort((a, b) => a - b));
    assert.deepEqual(taggedNow('billing_issue').sort(), rows.filter(([, s]) => s === 'Failed').map(([id]) => id).sort());
  } finally {
    await ws.close();
  }
});
