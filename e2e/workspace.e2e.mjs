// The local workspace itself: what a keyboard user of `npm start` relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

test('the live-update poll keeps keyboard focus on the left navigation', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const link = ws.page.locator('#nav-users a').first();
    await link.focus();
    const before = await ws.page.evaluate(() => window.__workspace.navRenders);
    // Two more rounds of the poll that brings the navigation up to date.
    await ws.page.waitForFunction((n) => window.__workspace.navRenders >= n + 2, before, { timeout: UI_TIMEOUT });
    assert.equal(
      await ws.page.evaluate(() => document.activeElement?.closest('#nav-users') !== null && document.activeElement?.tagName),
      'A',
      'focus stayed on the navigation link',
    );
    assert.equal(await link.evaluate((el) => el === document.activeElement), true);
  } finally {
    await ws.close();
  }
});
