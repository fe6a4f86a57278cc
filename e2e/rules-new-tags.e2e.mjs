// The admin's tag rules in the workspace (2/3): only existing tags, warn before a new tag, in each location.
// Settings are set by name, as Admin Center would (openWorkspace's `settings`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const serverTags = (kind, id) => suite.local.zendesk.control.snapshot()[kind][id].tags;
const writes = () => suite.local.zendesk.control.log().filter((e) => e.method === 'PUT' || e.method === 'DELETE' || e.method === 'POST');

async function withWorkspace(view, settings, run) {
  const ws = await openWorkspace(suite.browser, suite.local, view, { settings });
  try {
    await run(ws);
    assert.deepEqual(ws.errors, []);
  } finally {
    await ws.close();
  }
}

test('only existing tags: a new tag is refused with a sentence and nothing is sent; an existing one is added', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.emptyTicket}`, { existing_tags_only: true, allowed_tags: 'approved_new' }, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    suite.local.zendesk.control.clearLog();
    await panel.add('made_up_tag');
    await panel.alerts.filter({ hasText: '"made_up_tag" isn\'t a tag in this account, and only existing tags can be added.' }).waitFor({ timeout: UI_TIMEOUT });
    await ws.page.waitForTimeout(300);
    assert.deepEqual(writes(), []);
    await panel.input.fill('');
    await panel.add('warranty');
    await waitForTag(panel, 'warranty');
    await panel.add('approved_new');
    await waitForTag(panel, 'approved_new');
    await eventually(() => serverTags('tickets', SEED_IDS.emptyTicket).join() === 'warranty,approved_new', 'both saved');
  });
});

test('only existing tags in the organization sidebar', async () => {
  await withWorkspace(`/organizations/${SEED_IDS.organization}`, { existing_tags_only: true }, async (ws) => {
    const org = tagPanel(ws.app, 'Organization tags');
    await waitForTag(org, 'vip');
    await org.add('made_up_tag');
    await org.alerts.filter({ hasText: /isn't a tag in this account/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(serverTags('organizations', SEED_IDS.organization), ['enterprise', 'vip']);
  });
});

test('warn before a new tag: a second Enter creates it; "Create <tag>" does too', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.emptyTicket}`, { confirm_new_tags: true }, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    suite.local.zendesk.control.clearLog();
    await panel.add('brand_new_tag');
    await ws.app.getByRole('status').filter({ hasText: '"brand_new_tag" is a new tag. Press Enter again to create it' }).waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(writes(), []);
    await panel.input.press('Enter');
    await waitForTag(panel, 'brand_new_tag');
    await panel.input.fill('other_new_tag');
    await ws.app.getByRole('option', { name: 'Create other_new_tag' }).click({ timeout: UI_TIMEOUT });
    await waitForTag(panel, 'other_new_tag');
    await eventually(() => serverTags('tickets', SEED_IDS.emptyTicket).join() === 'brand_new_tag,other_new_tag', 'both saved');
  });
});

test('warn before a new tag in the user sidebar', async () => {
  await withWorkspace(`/users/${SEED_IDS.untaggedEndUser}`, { confirm_new_tags: true }, async (ws) => {
    const panel = tagPanel(ws.app, 'User tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    await panel.add('brand_new_tag');
    await ws.app.getByRole('status').filter({ hasText: 'is a new tag' }).waitFor({ timeout: UI_TIMEOUT });
    await panel.input.press('Enter');
    await waitForTag(panel, 'brand_new_tag');
  });
});
