// The Tag manager (nav_bar location) on the local workspace: the account's tags, rename with a
// preview, merge, delete, progress, per-ticket results, retry failed, undo, a reload mid-run,
// the read-only view for agents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSeed } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();
const control = () => suite.local.zendesk.control;
const seed = createSeed();
const archived = new Set(seed.tickets.filter((t) => t.archived).map((t) => t.id));
const taggedAtStart = (tag) => seed.tickets.filter((t) => t.tags.includes(tag)).map((t) => t.id);
/** Tickets carrying `tag` on the server now. */
const taggedNow = (tag) => Object.values(control().snapshot().tickets).filter((t) => t.tags.includes(tag)).map((t) => t.id);
/** A slow run needs jobs that take their time; the others run at once. */
const fastJobs = () => control().setJobSpeed(0, 0);

async function openManager() {
  const ws = await openWorkspace(suite.browser, suite.local, '/apps/tag-manager');
  const table = ws.app.getByRole('table', { name: 'Account tags' });
  await table.waitFor({ timeout: UI_TIMEOUT });
  return { ...ws, table };
}

/** Opens a tag's action dialog from its row. */
async function openAction(ws, action, tag) {
  await ws.app.getByRole('searchbox', { name: 'Search tags' }).fill(tag);
  await ws.app.getByRole('button', { name: `${action} ${tag}`, exact: true }).click();
  const dialog = ws.app.getByRole('dialog');
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  return dialog;
}

/** Waits for the run to finish and returns the Results rows as [id, status, message]. */
async function results(ws, timeout = 60_000) {
  await ws.app.getByText(/^Finished: /).waitFor({ timeout });
  const rows = ws.app.getByRole('table', { name: 'Results' }).getByRole('row');
  const texts = await rows.evaluateAll((els) => els.slice(1).map((el) => [...el.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return texts.map(([id, status, message]) => [Number(String(id).replace('#', '')), status, message]);
}

test('lists the account tags with counts, searches by prefix and sorts', async () => {
  const ws = await openManager();
  try {
    await eventually(async () => (await ws.table.getByRole('row').count()) > 50, 'rows of tags');
    await ws.app.getByRole('progressbar').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await ws.app.getByRole('searchbox', { name: 'Search tags' }).fill('BIL');
    const names = async () => ws.table.getByRole('row').evaluateAll((els) => els.slice(1).map((el) => el.querySelector('td')?.textContent));
    await eventually(async () => (await names()).every((n) => n?.startsWith('bil')) && (await names()).length >= 4, 'prefix search');
    assert.ok((await names()).includes('biling'));
    // By count (most used first), then by name.
    assert.equal((await names())[0], 'billing');
    await ws.table.getByRole('button', { name: 'Tag' }).click();
    await eventually(async () => {
      const n = await names();
      return n.join() === [...n].sort().join() && n[0] !== 'billing';
    }, 'sorted by name');
    await ws.app.getByRole('searchbox', { name: 'Search tags' }).fill('zzz_nothing');
    await ws.app.getByText('No tag starts with “zzz_nothing”.').waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(ws.errors, []);
  } finally {
    await ws.close();
  }
});

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

test('a reload mid-run finds the run again in Zendesk’s job statuses and finishes it', async () => {
  control().setJobSpeed(30, 1000);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Rename', 'biling');
    await dialog.getByText(/tickets carry biling/).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('textbox', { name: 'New name' }).fill('billing_fixed');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await eventually(() => control().jobs().some((j) => j.status === 'working'), 'a job at work');
    await ws.page.reload();
    await ws.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
    await ws.app.getByText(/was still going when the page was closed/).waitFor({ timeout: UI_TIMEOUT });
    await ws.app.getByRole('heading', { name: 'Renaming biling to billing_fixed' }).waitFor({ timeout: 30_000 });
    await results(ws);
    const left = taggedNow('biling');
    assert.ok(left.every((id) => archived.has(id)), `only archived tickets keep biling (${left.filter((id) => !archived.has(id))})`);
    assert.ok(taggedNow('billing_fixed').length > 200);
  } finally {
    await ws.close();
  }
});

test('an agent who is not an admin sees the tags read-only, with the reason', async () => {
  control().setRole('agent');
  const ws = await openWorkspace(suite.browser, suite.local, '/tickets/1');
  try {
    await ws.page.getByLabel("Signed-in agent's role").selectOption('agent');
    await ws.page.evaluate(() => (window.location.hash = '#/apps/tag-manager'));
    await ws.app.getByRole('table', { name: 'Account tags' }).waitFor({ timeout: UI_TIMEOUT });
    await ws.app.getByText('Only admins can rename, merge or delete tags across the account.', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await eventually(async () => (await ws.app.getByRole('table', { name: 'Account tags' }).getByRole('row').count()) > 10, 'rows');
    assert.equal(await ws.app.getByRole('button', { name: /^(Rename|Merge|Delete) / }).count(), 0);
  } finally {
    await ws.close();
  }
});
