// The local workspace itself: what a keyboard user of `npm start` relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, eventually, UI_TIMEOUT } from './lib/harness.mjs';

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

test('an app frame that resizes itself moves nothing outside the apps tray (the controls stay put)', async () => {
  // A test clicks the controls drawer while the app may still be resizing its frame: if the drawer
  // moved under the click, the click would land on something else (a 429 test once armed nothing).
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`, { app: '/fixtures/protocol.html' });
  try {
    const frame = await activeFrame(ws.page);
    await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'registered');
    const arm = ws.page.locator('#fail-arm');
    const top = async () => arm.evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
    const before = await top();
    for (const height of ['2400px', '120px']) {
      await frame.evaluate((h) => window.fixture.invoke('resize', { width: '100%', height: h }), height);
      await eventually(
        async () => (await ws.page.locator('iframe[title="Tagwise"]').evaluate((el) => el.getBoundingClientRect().height)) === Number.parseInt(height, 10),
        `iframe height ${height}`,
      );
      assert.equal(await top(), before, `the controls did not move when the app grew to ${height}`);
    }
  } finally {
    await ws.close();
  }
});
