// The Tag manager refuses protected tags (settings `protected_tags`, as an admin sets them in
// Admin Center): no rename, merge or delete of one, no rename or merge into one. Nothing is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, openWorkspace, UI_TIMEOUT } from './lib/harness.mjs';
import { openAction } from './lib/manager.mjs';

const suite = workspaceSuite();
const control = () => suite.local.zendesk.control;
const REASON = "Set by an automation; Tagwise won't change it";
const refusal = (tag) => `${tag} is protected. ${REASON}.`;
/** What the page changed: any request but a read. */
const writes = () => control().log().filter((e) => e.method !== 'GET');
const tagged = (tag) => Object.values(control().snapshot().tickets).filter((t) => t.tags.includes(tag)).length;

async function closeDialog(ws, dialog) {
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

test('protected tags: marked in the list; their dialogs and protected targets refuse, and nothing is sent', async () => {
  const before = { billingIssue: tagged('billing_issue'), biling: tagged('biling') };
  const ws = await openWorkspace(suite.browser, suite.local, '/apps/tag-manager', { settings: { protected_tags: 'billing_*\nvip' } });
  try {
    const table = ws.app.getByRole('table', { name: 'Account tags' });
    await table.waitFor({ timeout: UI_TIMEOUT });
    await ws.app.getByRole('progressbar').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const startLog = writes().length;

    await ws.app.getByRole('searchbox', { name: 'Search tags' }).fill('billing_issue');
    await table.getByRole('row', { name: /billing_issue/ }).getByRole('img', { name: `Protected: ${REASON}` }).waitFor({ timeout: UI_TIMEOUT });

    for (const action of ['Rename', 'Merge', 'Delete']) {
      const dialog = await openAction(ws, action, 'billing_issue');
      await dialog.getByRole('alert').filter({ hasText: refusal('billing_issue') }).waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await dialog.getByRole('button', { name: action, exact: true }).isDisabled(), true, `${action} is off`);
      await closeDialog(ws, dialog);
    }

    // Renaming to a protected name.
    let dialog = await openAction(ws, 'Rename', 'biling');
    await dialog.getByRole('textbox', { name: 'New name' }).fill('VIP');
    await dialog.getByRole('alert').filter({ hasText: refusal('vip') }).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByText(/tickets carry biling/).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await dialog.getByRole('button', { name: 'Rename', exact: true }).isDisabled(), true);
    await dialog.getByRole('textbox', { name: 'New name' }).press('Enter');
    await closeDialog(ws, dialog);

    // Merging into a protected tag: not offered, and refused when typed.
    dialog = await openAction(ws, 'Merge', 'biling');
    const into = dialog.getByRole('combobox', { name: 'Merge into' });
    await into.fill('billing');
    await dialog.getByRole('option', { name: 'billing', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await dialog.getByRole('option', { name: 'billing_issue', exact: true }).count(), 0);
    await into.fill('billing_issue');
    await dialog.getByRole('alert').filter({ hasText: refusal('billing_issue') }).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByText(/tickets carry biling/).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await dialog.getByRole('button', { name: 'Merge', exact: true }).isDisabled(), true);
    await into.press('Enter');
    await closeDialog(ws, dialog);

    assert.equal(await ws.app.getByRole('progressbar').count(), 0, 'no run started');
    assert.deepEqual(writes().slice(startLog), []);
    assert.deepEqual({ billingIssue: tagged('billing_issue'), biling: tagged('biling') }, before);
    assert.deepEqual(ws.errors, []);
  } finally {
    await ws.close();
  }
});
