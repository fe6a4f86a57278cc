// The admin's tag rules (the app's installation settings) in the workspace: each setting in
// each location, set by name as Admin Center would, and the workspace's own settings form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const REASON = "Set by an automation; Tagwise won't change it";
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

test('protected tags: a lock with the reason and no remove control in the ticket, requester and organization groups; adding one is refused', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, { protected_tags: 'vip*\nsla_*' }, async (ws) => {
    const ticket = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(ticket, 'billing');
    const lock = ticket.region.locator('li[data-tag="vip"]').getByRole('img', { name: /Protected/ });
    assert.equal(await lock.getAttribute('aria-label'), `Protected: ${REASON}`);
    assert.equal(await ticket.removeButton('vip').count(), 0);
    assert.equal(await ticket.removeButton('vip_contact').count(), 0);
    const requester = tagPanel(ws.app, 'Requester tags');
    await requester.region.getByText('vip_contact', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await requester.removeButton('vip_contact').count(), 0);
    assert.equal(await tagPanel(ws.app, 'Organization tags').removeButton('vip').count(), 0);

    suite.local.zendesk.control.clearLog();
    await ticket.add('sla_breach');
    await ticket.alerts.filter({ hasText: `"sla_breach" is protected. ${REASON}.` }).waitFor({ timeout: UI_TIMEOUT });
    await ws.page.waitForTimeout(300);
    assert.deepEqual(writes(), []);
  });
});

test('protected tags in the user and organization sidebars', async () => {
  await withWorkspace(`/users/${SEED_IDS.endUser}`, { protected_tags: 'vip_contact' }, async (ws) => {
    const user = tagPanel(ws.app, 'User tags');
    await waitForTag(user, 'newsletter');
    await user.region.locator('li[data-tag="vip_contact"]').getByRole('img', { name: /Protected/ }).waitFor();
    assert.equal(await user.removeButton('vip_contact').count(), 0);
  });
  await withWorkspace(`/organizations/${SEED_IDS.organization}`, { protected_tags: 'enterprise' }, async (ws) => {
    const org = tagPanel(ws.app, 'Organization tags');
    await waitForTag(org, 'vip');
    await org.region.locator('li[data-tag="enterprise"]').getByRole('img', { name: /Protected/ }).waitFor();
    assert.equal(await org.removeButton('enterprise').count(), 0);
  });
});

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

test('did you mean: the close existing tag comes first, with its ticket count', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.emptyTicket}`, {}, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.click({ timeout: UI_TIMEOUT });
    await panel.input.fill('warrenty');
    const first = ws.app.getByRole('option').first();
    await eventually(async () => /^warranty · [\d,]+ tickets/.test((await first.textContent()) ?? ''), 'did-you-mean first');
    await panel.input.press('ArrowDown');
    await panel.input.press('Enter');
    await waitForTag(panel, 'warranty');
  });
});

test('descriptions: in the suggestions and on hover or focus of a tag', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, { tag_descriptions: 'vip: contract customers; set by sales\nwarranty: under warranty' }, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'vip');
    await panel.region.locator('li[data-tag="vip"]').hover();
    await ws.app.getByRole('tooltip').filter({ hasText: 'vip: contract customers; set by sales' }).first().waitFor({ timeout: UI_TIMEOUT });
    await panel.input.click();
    await panel.input.fill('warr');
    await ws.app.getByRole('option', { name: /warranty.*under warranty/ }).waitFor({ timeout: UI_TIMEOUT });
  });
});

test('groups: the requester and organization groups can be hidden in the ticket sidebar', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, { show_requester_tags: false }, async (ws) => {
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
    await tagPanel(ws.app, 'Organization tags').region.waitFor();
    assert.equal(await tagPanel(ws.app, 'Requester tags').region.count(), 0);
  });
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, { show_organization_tags: false }, async (ws) => {
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
    await tagPanel(ws.app, 'Requester tags').region.waitFor();
    assert.equal(await tagPanel(ws.app, 'Organization tags').region.count(), 0);
  });
});

test('the workspace changes the settings and reloads the app with them, as Admin Center does', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, undefined, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'vip');
    await ws.page.getByLabel('Protected tags (protected_tags)').fill('vip');
    await ws.page.getByLabel('Show requester tags (show_requester_tags)').uncheck();
    await ws.page.getByRole('button', { name: 'Save settings and reload apps' }).click();
    await panel.region.locator('li[data-tag="vip"]').getByRole('img', { name: /Protected/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await panel.removeButton('vip').count(), 0);
    assert.equal(await tagPanel(ws.app, 'Requester tags').region.count(), 0);
    // A bad value is named in the sidebar, and the app keeps working.
    await ws.page.getByLabel('Protected tags (protected_tags)').fill('v*p');
    await ws.page.getByRole('button', { name: 'Save settings and reload apps' }).click();
    await ws.app.getByRole('alert').filter({ hasText: 'Protected tags, line 1: "v*p" isn\'t a name or a prefix ending in *' }).waitFor({ timeout: UI_TIMEOUT });
    await waitForTag(panel, 'vip');
  });
});
