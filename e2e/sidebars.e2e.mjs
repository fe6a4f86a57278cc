// User and organization sidebars, the closed ticket, and a hostile tag name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const snapshot = () => suite.local.zendesk.control.snapshot();

test('user sidebar: lists, adds and removes the user\'s tags', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/users/${SEED_IDS.endUser}`);
  try {
    const panel = tagPanel(ws.app, 'User tags');
    await waitForTag(panel, 'vip_contact');
    assert.deepEqual(await panel.removableTags(), snapshot().users[SEED_IDS.endUser].tags);
    await panel.add('beta_tester');
    await waitForTag(panel, 'beta_tester');
    await eventually(() => snapshot().users[SEED_IDS.endUser].tags.includes('beta_tester'), 'user tag saved');
    await panel.removeButton('newsletter').click();
    await waitForTag(panel, 'newsletter', false);
    await eventually(() => !snapshot().users[SEED_IDS.endUser].tags.includes('newsletter'), 'user tag removed');
    assert.ok(snapshot().users[SEED_IDS.endUser].tags.includes('vip_contact'));
    assert.equal((await ws.page.locator('iframe[title="Tagwise"]').getAttribute('data-location')), 'user_sidebar');
  } finally {
    await ws.close();
  }
});

test('organization sidebar: lists, adds and removes the organization\'s tags', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/organizations/${SEED_IDS.organization}`);
  try {
    const panel = tagPanel(ws.app, 'Organization tags');
    await waitForTag(panel, 'enterprise');
    assert.deepEqual(await panel.removableTags(), ['enterprise', 'vip']);
    await panel.add('key_account');
    await waitForTag(panel, 'key_account');
    await eventually(() => snapshot().organizations[SEED_IDS.organization].tags.includes('key_account'), 'org tag saved');
    await panel.removeButton('vip').click();
    await waitForTag(panel, 'vip', false);
    await eventually(() => !snapshot().organizations[SEED_IDS.organization].tags.includes('vip'), 'org tag removed');
  } finally {
    await ws.close();
  }
});

test('closed ticket: tags shown read-only with the reason, no write possible', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.closedTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.region.getByText(/closed/i).first().waitFor({ timeout: UI_TIMEOUT });
    for (const tag of snapshot().tickets[SEED_IDS.closedTicket].tags) {
      await panel.region.getByText(tag, { exact: true }).first().waitFor();
    }
    assert.equal(await panel.region.getByRole('button', { name: /^Remove tag / }).count(), 0);
    const inputs = await panel.input.count();
    if (inputs) assert.equal(await panel.input.isEditable(), false, '"Add tags" must not be usable');
    assert.deepEqual(suite.local.zendesk.control.log().filter((e) => e.method !== 'GET'), []);
  } finally {
    await ws.close();
  }
});

test('an XSS-shaped tag name is stored the way the server splits it and only ever shown as text', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.emptyTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    await panel.add('<img src=x onerror=alert(1)>');
    const stored = await eventually(() => {
      const tags = snapshot().tickets[SEED_IDS.emptyTicket].tags;
      return tags.length ? tags : null;
    }, 'hostile tag stored');
    // The server split on spaces and lower-cased: no single tag holds the whole element.
    assert.ok(stored.length >= 2, JSON.stringify(stored));
    assert.ok(stored.every((t) => !/\s/.test(t) && t === t.toLowerCase()), JSON.stringify(stored));
    for (const tag of stored) {
      await waitForTag(panel, tag);
      await panel.region.getByText(tag, { exact: true }).first().waitFor();
    }
    await ws.page.waitForTimeout(300);
    assert.deepEqual(ws.dialogs, [], 'no alert() ran');
    assert.equal(await ws.app.locator('img[src="x"]').count(), 0, 'no <img> element was created');
    assert.equal(await ws.page.locator('img[src="x"]').count(), 0, 'nor in the workspace');
  } finally {
    await ws.close();
  }
});

test('the agent locale reaches the app through currentUser.locale', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    await tagPanel(ws.app, 'Ticket tags').region.waitFor({ timeout: UI_TIMEOUT });
    await ws.page.getByRole('region', { name: 'Local Zendesk controls' }).getByLabel('Agent locale').selectOption('de');
    // The app reloads (as Zendesk does after a language change) and speaks German.
    await ws.app.locator('html[lang="de"], [lang="de"]').first().waitFor({ timeout: UI_TIMEOUT });
    const regions = await ws.app.getByRole('region').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    assert.ok(regions.length > 0 && !regions.includes('Ticket tags'), JSON.stringify(regions));
  } finally {
    await ws.close();
  }
});

test('an agent who may not tag organizations: the write is refused (403), rolled back, explained', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/organizations/${SEED_IDS.organization}`);
  try {
    const panel = tagPanel(ws.app, 'Organization tags');
    await waitForTag(panel, 'enterprise');
    const controls = ws.page.getByRole('region', { name: 'Local Zendesk controls' });
    await controls.getByLabel("Signed-in agent's role").selectOption('agent');
    await controls.getByRole('status').getByText(/role: agent/).waitFor();
    await panel.add('not_allowed');
    const alert = ws.app.getByRole('alert').first();
    await alert.waitFor({ timeout: UI_TIMEOUT });
    await waitForTag(panel, 'not_allowed', false);
    const writes = suite.local.zendesk.control.log().filter((e) => e.method !== 'GET');
    assert.ok(writes.length >= 1 && writes.every((e) => e.status === 403), JSON.stringify(writes));
    assert.ok(!snapshot().organizations[SEED_IDS.organization].tags.includes('not_allowed'));
  } finally {
    await ws.close();
  }
});
