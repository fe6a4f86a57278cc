// Read-only states known before any write, lifted when they change back; field warnings on
// the first removal of a fresh ticket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const writes = () => suite.local.zendesk.control.log().filter((e) => e.method !== 'GET');

test('tagging off: the user sidebar says so before any attempt, and lifts once it is on again and the agent comes back', async () => {
  suite.local.zendesk.control.setTaggingUsersOrgs(false);
  const ws = await openWorkspace(suite.browser, suite.local, `/users/${SEED_IDS.endUser}`);
  try {
    const panel = tagPanel(ws.app, 'User tags');
    await panel.region.getByRole('note').filter({ hasText: /Tags on users and organizations are turned off/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await panel.input.count(), 0, 'no add field');
    assert.equal(await panel.region.getByRole('button', { name: /^Remove tag / }).count(), 0);
    assert.deepEqual(writes(), []);
    const settings = suite.local.zendesk.control.log().filter((e) => e.path.startsWith('/api/v2/account/settings'));
    assert.equal(settings.length, 1, 'one request for the setting');

    // An admin turns it back on; the agent goes to a ticket and comes back to the user.
    suite.local.zendesk.control.setTaggingUsersOrgs(true);
    await ws.page.evaluate((id) => (location.hash = `#/tickets/${id}`), SEED_IDS.openTicket);
    await tagPanel(ws.app, 'Ticket tags').region.waitFor({ timeout: UI_TIMEOUT });
    await ws.page.evaluate((id) => (location.hash = `#/users/${id}`), SEED_IDS.endUser);
    const back = tagPanel(ws.app, 'User tags');
    await back.input.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await back.region.getByRole('note').count(), 0);
    await back.add('lifted_tag');
    await eventually(() => suite.local.zendesk.control.snapshot().users[SEED_IDS.endUser].tags.includes('lifted_tag'), 'saved once lifted');
  } finally {
    await ws.close();
  }
});

test('no permission: an agent sees the organization is not theirs to tag before any attempt', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/organizations/${SEED_IDS.organization}`);
  try {
    // The signed-in agent's role, as the drawer sets it for the API and the agent's screen alike.
    const controls = ws.page.getByRole('region', { name: 'Local Zendesk controls' });
    await controls.getByLabel("Signed-in agent's role").selectOption('agent');
    await controls.getByRole('status').getByText(/role: agent/).waitFor({ timeout: UI_TIMEOUT });
    await ws.page.getByRole('button', { name: 'Reload app', exact: true }).click();
    const panel = tagPanel(ws.app, 'Organization tags');
    await panel.region.getByRole('note').filter({ hasText: /You don't have permission/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await panel.input.count(), 0);
    assert.deepEqual(writes(), []);
  } finally {
    await ws.close();
  }
});

test('a ticket closed by another agent: read-only with its sentence, Undo gone; nothing sent', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'refund');
    await panel.removeButton('refund').click();
    const undo = panel.region.getByRole('button', { name: 'Undo' });
    await undo.waitFor({ timeout: UI_TIMEOUT });
    const before = writes().length;
    suite.local.zendesk.control.act({ kind: 'ticket', id: SEED_IDS.openTicket, status: 'closed' });
    await panel.region.getByRole('note').filter({ hasText: /This ticket is closed/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await undo.count(), 0, 'no Undo on a closed ticket');
    assert.equal(await panel.input.count(), 0);
    assert.equal(writes().length, before);
  } finally {
    await ws.close();
  }
});

test('the first removal on a fresh ticket warns that it clears a ticket field', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.manyTagsTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    const fieldTag = suite.local.zendesk.control
      .snapshot()
      .tickets[SEED_IDS.manyTagsTicket].tags.find((t) => t.startsWith('product_'));
    assert.ok(fieldTag, 'the seed has a field-backed tag');
    await waitForTag(panel, fieldTag);
    // At once, as an agent who knows what they want would.
    await panel.removeButton(fieldTag).click();
    await panel.region
      .getByText(new RegExp(`Removing ${fieldTag} clears the field`))
      .waitFor({ timeout: UI_TIMEOUT });
  } finally {
    await ws.close();
  }
});
