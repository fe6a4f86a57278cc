// The Tag manager: rename with a preview, progress and a result per ticket; a page reload
// mid-run found again from Zendesk's job statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, eventually, UI_TIMEOUT } from './lib/harness.mjs';
import { openAction, results, managerKit } from './lib/manager.mjs';

const suite = workspaceSuite();
const { control, seed, archived, taggedAtStart, taggedNow, openManager } = managerKit(suite);

test('rename with a preview: counts, open/closed split and sample ids; a progress bar; a result per ticket', async () => {
  control().setJobSpeed(60, 500);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Rename', 'biling');
    const before = taggedAtStart('biling');
    const closed = seed.tickets.filter((t) => t.tags.includes('biling') && t.status === 'closed').length;
    await dialog.getByText(`${before.length} tickets carry biling: ${before.length - closed} not closed, ${closed} closed.`).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByText(/^For example, tickets #\d+/).waitFor();
    const name = dialog.getByRole('textbox', { name: 'New name' });
    await name.fill('billing');
    await dialog.getByText('billing already exists: use Merge to fold biling into it.').waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Rename', exact: true }).isDisabled(), true);
    await name.fill('Billing Typo');
    await dialog.getByText('A tag cannot hold spaces or commas: this would make 2 tags.').waitFor();
    await name.fill('Billing_Typo');
    await dialog.getByText('Saved as billing_typo').waitFor();
    assert.deepEqual(taggedNow('billing_typo'), [], 'nothing changes before the confirm');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();

    await ws.app.getByRole('progressbar', { name: 'Tickets done' }).waitFor({ timeout: UI_TIMEOUT });
    const rows = await results(ws);
    assert.equal(rows.length, before.length);
    assert.deepEqual(rows.map(([id]) => id).sort((a, b) => a - b), [...before].sort((a, b) => a - b));
    const failed = rows.filter(([, status]) => status === 'Failed');
    assert.ok(failed.length > 0 && failed.every(([id]) => archived.has(id)), 'only archived tickets fail');
    assert.ok(rows.slice(0, failed.length).every(([, s]) => s === 'Failed'), 'failed rows first');
    assert.match(failed[0][2], /TicketArchived/);
    const now = control().snapshot().tickets;
    for (const [id, status] of rows) {
      assert.equal(now[id].tags.includes('billing_typo'), status === 'Updated', `ticket ${id}`);
      assert.equal(now[id].tags.includes('biling'), status !== 'Updated', `ticket ${id}`);
    }
    assert.deepEqual(ws.errors, []);
  } finally {
    await ws.close();
  }
});

test('a reload mid-run finds the run again in Zendesk’s job statuses and finishes it', async () => {
  // Slow enough that the jobs are still at work when the reloaded page asks (the machine may be slow).
  control().setJobSpeed(5, 1000);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Rename', 'biling');
    await dialog.getByText(/tickets carry biling/).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('textbox', { name: 'New name' }).fill('billing_fixed');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await eventually(() => control().jobs().some((j) => j.status === 'working'), 'a job at work');
    await ws.page.reload();
    await ws.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
    // The reloaded page loads, reads the role, then lists the job statuses: on a busy machine
    // that takes longer than one UI wait.
    await ws.app.getByText(/was still going when the page was closed/).waitFor({ timeout: 45_000 });
    await ws.app.getByRole('heading', { name: 'Renaming biling to billing_fixed' }).waitFor({ timeout: 30_000 });
    await results(ws);
    const left = taggedNow('biling');
    assert.ok(left.every((id) => archived.has(id)), `only archived tickets keep biling (${left.filter((id) => !archived.has(id))})`);
    assert.ok(taggedNow('billing_fixed').length > 200);
  } finally {
    await ws.close();
  }
});
