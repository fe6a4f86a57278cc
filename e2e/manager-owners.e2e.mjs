// The Tag manager on users and organizations: changed one by one with the Tags API, each with
// its row; nothing but tickets when "Tags on users and organizations" is off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, UI_TIMEOUT } from './lib/harness.mjs';
import { openAction, results, managerKit } from './lib/manager.mjs';

const suite = workspaceSuite();
const { control, fastJobs, openManager } = managerKit(suite);

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
