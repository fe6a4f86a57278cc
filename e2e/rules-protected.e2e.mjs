// The admin's tag rules in the workspace (1/3): protected tags and hidden groups, in each location.
// Settings are set by name, as Admin Center would (openWorkspace's `settings`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const REASON = "Set by an automation; Tagwise won't change it";
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

test('groups: collapse_owner_groups starts the requester and organization groups collapsed; one the agent opens stays open where storage allows', async () => {
  await withWorkspace(`/tickets/${SEED_IDS.openTicket}`, { collapse_owner_groups: true }, async (ws) => {
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
    const requester = tagPanel(ws.app, 'Requester tags');
    // A group's disclosure is named by the group, then its count ("Requester tags, 2 tags").
    const toggle = (panel, name) => panel.region.getByRole('button', { name: new RegExp(`^${name}\\b`) });
    await requester.region.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await toggle(requester, 'Requester tags').getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle(tagPanel(ws.app, 'Organization tags'), 'Organization tags').getAttribute('aria-expanded'), 'false');
    assert.equal(await requester.removeButton('vip_contact').count(), 0);
    await toggle(requester, 'Requester tags').click();
    await waitForTag(requester, 'vip_contact');

    await ws.page.reload();
    await ws.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
    const again = tagPanel(ws.app, 'Requester tags');
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
    await again.region.waitFor({ timeout: UI_TIMEOUT });
    // Storage allowed: the agent's "open" outlives the reload. Refused: the admin's setting again.
    const expected = suite.storage === 'allowed' ? 'true' : 'false';
    await eventually(async () => (await toggle(again, 'Requester tags').getAttribute('aria-expanded')) === expected, `requester group expanded=${expected} after reload`);
    assert.equal(await toggle(tagPanel(ws.app, 'Organization tags'), 'Organization tags').getAttribute('aria-expanded'), 'false');
  });
});
