// The app in the workspace: list, add by typing, add by suggestion, remove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, root, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const serverTags = (kind, id) => suite.local.zendesk.control.snapshot()[kind][id].tags;

test('lists the ticket tags, each as text with a remove button; saves a workspace screenshot', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.region.waitFor({ timeout: UI_TIMEOUT });
    const expected = serverTags('tickets', SEED_IDS.openTicket);
    await waitForTag(panel, expected[0]);
    assert.deepEqual(await panel.removableTags(), expected);
    for (const tag of expected) await panel.region.getByText(tag, { exact: true }).first().waitFor();
    await panel.input.waitFor();
    // The sidebar sized itself through invoke('resize').
    const height = await ws.page.locator('iframe[title="Tagwise"]').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height > 150, `iframe height ${height}`);

    // The README's picture. Request times are masked so that an unchanged workspace gives an
    // identical file (no churn in git on every run).
    await ws.page.waitForTimeout(300);
    await ws.page.screenshot({
      path: path.join(root, 'docs', 'screenshot-workspace.png'),
      mask: [ws.page.locator('#log-rows td:first-child')],
      maskColor: '#ffffff',
      animations: 'disabled',
      caret: 'hide',
    });
    assert.deepEqual(ws.dialogs, []);
  } finally {
    await ws.close();
  }
});

test('adds a tag typed in "Add tags" and confirmed with Enter', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    await panel.add('Needs_Callback');
    await waitForTag(panel, 'needs_callback');
    await eventually(() => serverTags('tickets', SEED_IDS.openTicket).includes('needs_callback'), 'tag saved on the server');
    // nothing else was lost
    for (const tag of ['billing', 'refund', 'vip']) assert.ok(serverTags('tickets', SEED_IDS.openTicket).includes(tag));
    assert.equal(await panel.input.inputValue(), '');
  } finally {
    await ws.close();
  }
});

test('adds a tag picked from the suggestions', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.emptyTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    await panel.input.click();
    await panel.input.fill('warr');
    const option = ws.app.getByRole('option', { name: 'warranty', exact: true });
    await option.waitFor({ timeout: UI_TIMEOUT });
    await option.click();
    await waitForTag(panel, 'warranty');
    await eventually(() => serverTags('tickets', SEED_IDS.emptyTicket).includes('warranty'), 'suggestion saved');
  } finally {
    await ws.close();
  }
});

test('removes a tag with its remove button', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'refund');
    await panel.removeButton('refund').click();
    await waitForTag(panel, 'refund', false);
    await eventually(() => !serverTags('tickets', SEED_IDS.openTicket).includes('refund'), 'tag removed on the server');
    assert.ok(serverTags('tickets', SEED_IDS.openTicket).includes('billing'));
    // The request log shows a tag write (DELETE or PUT) and no failure.
    const writes = suite.local.zendesk.control.log().filter((e) => e.method !== 'GET');
    assert.ok(writes.length >= 1);
    assert.ok(writes.every((e) => e.status < 400), JSON.stringify(writes));
  } finally {
    await ws.close();
  }
});
