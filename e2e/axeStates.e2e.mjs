// axe-core over every sidebar state: loading, tags, suggestions open, read-only, saving,
// waiting, not saved. 0 serious or critical violations. Pictures: e2e/artifacts/sidebars/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, tagPanel, waitForTag, UI_TIMEOUT } from './lib/harness.mjs';
import { expectAccessible } from './lib/axe.mjs';

const suite = workspaceSuite();

test('axe: loading, tags, suggestions open, read-only: no serious or critical violation', async () => {
  // Loading: the sidebar's code is held back, so the frame shows what it shows until the
  // panel is ready: the screen's tags, drawn plain, their remove buttons disabled.
  const ws = await openWorkspaceHeld(`/tickets/${SEED_IDS.openTicket}`);
  try {
    await ws.app.locator('[data-tagwise-first-paint]').getByRole('region', { name: 'Ticket tags' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await ws.app.getByRole('button', { name: 'Remove tag billing' }).isDisabled(), true);
    await expectAccessible(ws.page, 'loading');
    ws.release();
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    await expectAccessible(ws.page, 'tags');
    await panel.input.click();
    await panel.input.pressSequentially('wa');
    await ws.app.getByRole('option').first().waitFor({ timeout: UI_TIMEOUT });
    await expectAccessible(ws.page, 'suggestions-open');
  } finally {
    await ws.close();
  }
  const closed = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.closedTicket}`);
  try {
    await tagPanel(closed.app, 'Ticket tags').region.getByText(/closed/i).first().waitFor({ timeout: UI_TIMEOUT });
    await expectAccessible(closed.page, 'read-only');
  } finally {
    await closed.close();
  }
});

test('axe: a tag saving, one waiting for Zendesk, one not saved: no serious or critical violation', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/users/${SEED_IDS.endUser}`);
  try {
    const panel = tagPanel(ws.app, 'User tags');
    await waitForTag(panel, 'vip_contact');
    // The write is held (a timeout the server answers late): the tag stays "saving".
    suite.local.zendesk.control.failNext({ kind: 'timeout' });
    await panel.add('pending_tag');
    await panel.region.locator('[data-tag="pending_tag"][data-state="saving"]').waitFor({ timeout: UI_TIMEOUT });
    await expectAccessible(ws.page, 'pending');
  } finally {
    await ws.close();
  }
  const failing = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(failing.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    suite.local.zendesk.control.failNext({ status: 429, headers: { 'Retry-After': '60' } });
    await panel.add('slow_tag');
    await panel.region.locator('[data-tag="slow_tag"][data-state="waiting"]').waitFor({ timeout: UI_TIMEOUT });
    await expectAccessible(failing.page, 'waiting');
  } finally {
    await failing.close();
  }
  const failed = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.emptyTicket}`);
  try {
    const panel = tagPanel(failed.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    suite.local.zendesk.control.failNext({ status: 500, times: 4 });
    await panel.add('flaky_tag');
    await panel.region.locator('[data-tag="flaky_tag"][data-state="failed"]').waitFor({ timeout: 20_000 });
    await expectAccessible(failed.page, 'failed');
  } finally {
    await failed.close();
  }
});

/**
 * Opens a view with the sidebar's code held back until `release()`.
 * @param {string} view
 */
async function openWorkspaceHeld(view) {
  /** @type {() => void} */
  let release = () => {};
  const gate = new Promise((resolve) => (release = () => resolve(undefined)));
  const context = await suite.browser.newContext();
  await context.route(/\/assets\/build\/(useServices|TicketSidebar)-.*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${suite.local.workspaceUrl}#${view}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
  return {
    page,
    app: page.frameLocator('iframe[title="Tagwise"]'),
    release,
    async close() {
      release();
      await context.close().catch(() => {});
    },
  };
}

