// The Tag manager's "Content tags" tab: Guide's content tags, searched by prefix; rename, merge
// and delete for Guide managers; read-only (with the reason) for anyone else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, openWorkspace, eventually, UI_TIMEOUT } from './lib/harness.mjs';
import { openAction } from './lib/manager.mjs';

const suite = workspaceSuite();
const control = () => suite.local.zendesk.control;
/** A content tag's action dialog. */
const openContentAction = (ws, action, tag) => openAction(ws, action, tag, 'Search content tags');
const names = () => control().contentTags().map((t) => t.name).sort();

async function openContentTab(view = '/apps/tag-manager') {
  const ws = await openWorkspace(suite.browser, suite.local, view);
  await ws.app.getByRole('tab', { name: 'Content tags' }).click();
  const table = ws.app.getByRole('table', { name: 'Content tags' });
  await table.waitFor({ timeout: UI_TIMEOUT });
  return { ...ws, table };
}

test('a Guide manager renames, merges and deletes content tags; each change is said once Zendesk confirmed it', async () => {
  control().setGuideRole('manager');
  const ws = await openContentTab();
  try {
    await eventually(async () => (await ws.table.getByRole('row').count()) === 21, 'the 20 content tags');
    await ws.app.getByRole('searchbox', { name: 'Search content tags' }).fill('Bill');
    const shown = async () => ws.table.getByRole('row').evaluateAll((els) => els.slice(1).map((el) => el.querySelector('td')?.textContent));
    await eventually(async () => (await shown()).join() === 'billing,billing help', 'prefix search');

    let dialog = await openContentAction(ws, 'Rename', 'billing help');
    await dialog.getByRole('textbox', { name: 'New name' }).fill('Billing');
    await dialog.getByRole('alert').filter({ hasText: 'A content tag named billing already exists' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await dialog.getByRole('button', { name: 'Rename', exact: true }).isDisabled(), true);
    await dialog.getByRole('textbox', { name: 'New name' }).fill('Billing questions');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await ws.app.getByRole('status').filter({ hasText: 'Renamed the content tag billing help to Billing questions.' }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok(names().includes('Billing questions') && !names().includes('billing help'));

    dialog = await openContentAction(ws, 'Merge', 'faq');
    const into = dialog.getByRole('combobox', { name: 'Merge into' });
    await into.fill('how');
    await dialog.getByRole('option', { name: 'how to', exact: true }).click();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await ws.app.getByRole('status').filter({ hasText: 'Merged the content tag faq into how to.' }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok(!names().includes('faq') && names().includes('how to'));

    dialog = await openContentAction(ws, 'Delete', 'returns');
    await dialog.getByText('returns is removed from every post and article.', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await ws.app.getByRole('status').filter({ hasText: 'Deleted the content tag returns.' }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok(!names().includes('returns'));
    await ws.app.getByRole('searchbox', { name: 'Search content tags' }).fill('returns');
    await ws.app.getByText('No content tag starts with “returns”.').waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(ws.errors, []);
  } finally {
    await ws.close();
  }
});

test('not a Guide manager: Zendesk refuses (JSON:API 403), the tab turns read-only with the reason, nothing changed', async () => {
  control().setGuideRole('agent');
  const before = names();
  const ws = await openContentTab();
  try {
    const dialog = await openContentAction(ws, 'Rename', 'security');
    await dialog.getByRole('textbox', { name: 'New name' }).fill('safety');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await ws.app.getByRole('alert').filter({ hasText: 'only Guide managers can change content tags' }).filter({ hasText: 'Access to the resource is forbidden' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await ws.app.getByRole('button', { name: /^(Rename|Merge|Delete) / }).count(), 0);
    assert.equal(await ws.app.getByText('Renamed', { exact: false }).count(), 0);
    assert.deepEqual(names(), before);
  } finally {
    control().setGuideRole('manager');
    await ws.close();
  }
});

test('an agent who is not an admin sees the content tags read-only, with the reason', async () => {
  control().setRole('agent');
  const ws = await openWorkspace(suite.browser, suite.local, '/tickets/1');
  try {
    await ws.page.getByLabel("Signed-in agent's role").selectOption('agent');
    await ws.page.evaluate(() => (window.location.hash = '#/apps/tag-manager'));
    await ws.app.getByRole('tab', { name: 'Content tags' }).click();
    const table = ws.app.getByRole('table', { name: 'Content tags' });
    await ws.app.getByText('Only Guide managers can rename, merge or delete content tags.', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    await eventually(async () => (await table.getByRole('row').count()) > 10, 'rows');
    assert.equal(await ws.app.getByRole('button', { name: /^(Rename|Merge|Delete) / }).count(), 0);
  } finally {
    control().setRole('admin');
    await ws.close();
  }
});
