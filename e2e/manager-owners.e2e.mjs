// The Tag manager on users and organizations: changed one by one with the Tags API, each with
// its row; nothing but tickets when "Tags on users and organizations" is off.
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

test('users and organizations carrying the tag change too, one by one, each with its row', async () => {
  fastJobs();
  const users = () => Object.values(control().snapshot().users).filter((u) => u.tags.includes('biling')).map((u) => u.id);
  const orgs = () => Object.values(control().snapshot().organizations).filter((o) => o.tags.includes('biling')).map((o) => o.id);
  const [u0, o0] = [users(), orgs()];
  assert.ok(u0.length > 0 && o0.length > 0);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Rename', 'biling');
    await dialog.getByRole('textbox', { name: 'New name' }).fill('billing_fixed');
    const also = dialog.getByRole('checkbox', { name: `Also change ${u0.length} users and ${o0.length} organizations (one by one, with the Tags API)` });
    await also.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await also.isChecked(), true);
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    const userRows = await results(ws, 60_000, 'User');
    const orgRows = await results(ws, 60_000, 'Organization');
    assert.deepEqual(userRows.map(([id]) => id).sort(), [...u0].sort());
    assert.deepEqual(orgRows.map(([id]) => id).sort(), [...o0].sort());
    assert.ok([...userRows, ...orgRows].every(([, s]) => s === 'Updated'));
    assert.deepEqual([users(), orgs()], [[], []]);
    const snap = control().snapshot();
    for (const id of u0) assert.ok(snap.users[id].tags.includes('billing_fixed'));
  } finally {
    await ws.close();
  }
});

test('with "Tags on users and organizations" off, the dialog says only tickets change', async () => {
  fastJobs();
  control().setTaggingUsersOrgs(false);
  const ws = await openManager();
  try {
    const dialog = await openAction(ws, 'Delete', 'biling');
    await dialog.getByText('Tags on users and organizations are off for this account: only tickets change.').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await dialog.getByRole('checkbox').count(), 0);
  } finally {
    await ws.close();
  }
});
