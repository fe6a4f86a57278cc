// The Tag manager (nav_bar location): the account's tags (list, search, sort) and the
// read-only view for agents who are not admins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSuite, openWorkspace, eventually, UI_TIMEOUT } from './lib/harness.mjs';
import { managerKit } from './lib/manager.mjs';

const suite = workspaceSuite();
const { control, openManager } = managerKit(suite);

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
