// The Tag manager (nav_bar location): the account's tags (list, search, sort) and the
// read-only view for agents who are not admins.
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

/** Waits for the run to finish and returns the Results rows of one kind as [id, status, message]. */
async function results(ws, timeout = 60_000, kind = 'ticket') {
  await ws.app.getByText(/^Finished: /).waitFor({ timeout });
  const rows = ws.app.getByRole('table', { name: 'Results' }).getByRole('row');
  const texts = await rows.evaluateAll((els) => els.slice(1).map((el) => [...el.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  // Tickets read "#123"; users and organizations "User #123", "Organization #123".
  return texts.filter(([id]) => (kind === 'ticket' ? String(id).startsWith('#') : String(id).startsWith(kind))).map(([id, status, message]) => [Number(String(id).replace(/^\D*#/, '')), status, message]);
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
