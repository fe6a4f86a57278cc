// Target sizes (measured boxes) in both densities, and where focus goes after each action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, tagPanel, waitForTag, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

test('every control is at least 24 × 24 px, in both densities', async () => {
  for (const view of [`/tickets/${SEED_IDS.openTicket}`, `/tickets/${SEED_IDS.manyTagsTicket}`]) {
    const ws = await openWorkspace(suite.browser, suite.local, view);
    try {
      await ws.app.getByRole('grid').first().waitFor({ timeout: UI_TIMEOUT });
      await ws.app.locator('[data-origin]').first().waitFor({ timeout: UI_TIMEOUT });
      const frame = await activeFrame(ws.page);
      const small = await frame.evaluate(() => {
        const controls = document.querySelectorAll('button, a[href], [tabindex], input:not([type="hidden"])');
        const out = [];
        for (const el of controls) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue; // not shown (a collapsed group)
          // A text input's target is its whole field box.
          const target = el.tagName === 'INPUT' ? el.closest('[data-combobox-trigger]') ?? el : el;
          const { width, height } = target.getBoundingClientRect();
          if (width < 24 || height < 24) out.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim()}" ${width.toFixed(0)}×${height.toFixed(0)}`);
        }
        return out;
      });
      assert.deepEqual(small, [], `targets on ${view}`);
      const density = await ws.app.getByRole('grid', { name: 'Tags' }).first().getAttribute('data-density');
      assert.equal(density, view.endsWith(`/${SEED_IDS.manyTagsTicket}`) ? 'compact' : 'comfortable');
    } finally {
      await ws.close();
    }
  }
});

test('focus: Delete moves to the next tag, the last removal to the field; the marker explains itself on focus', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.manyTagsTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    const grid = panel.region.getByRole('grid', { name: 'Tags' });
    await grid.waitFor({ timeout: UI_TIMEOUT });
    const names = await grid.getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')));
    const marked = await grid.locator('[role="row"]:has([data-origin])').first().getAttribute('data-tag');
    assert.ok(marked, 'a tag with an origin marker');
    // Keyboard: from the tag, Tab reaches its marker, whose tooltip shows the explanation.
    const cell = grid.locator(`[data-tag="${marked}"] [role="gridcell"][tabindex]`).first();
    await panel.input.click();
    await panel.input.press('ArrowLeft');
    await cell.focus();
    await ws.page.keyboard.press('Tab');
    const marker = grid.locator(`[data-tag="${marked}"] [data-origin]`);
    assert.equal(await marker.evaluate((el) => el === document.activeElement), true, 'the marker has focus');
    const tooltip = ws.app.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    assert.equal(await tooltip.innerText(), await marker.getAttribute('aria-label'));

    // Delete on a tag: focus goes to the tag after it.
    const first = names[0];
    const second = names[1];
    await grid.locator(`[data-tag="${first}"] [role="gridcell"][tabindex]`).first().focus();
    await ws.page.keyboard.press('Delete');
    await waitForTag(panel, first, false);
    const frame = await activeFrame(ws.page);
    await frame.waitForFunction((name) => document.activeElement?.closest('[role="row"]')?.getAttribute('data-tag') === name, second, { timeout: UI_TIMEOUT });
  } finally {
    await ws.close();
  }
  const one = await openWorkspace(suite.browser, suite.local, `/organizations/${SEED_IDS.organization}`);
  try {
    const panel = tagPanel(one.app, 'Organization tags');
    await waitForTag(panel, 'vip');
    for (const tag of await panel.removableTags()) {
      await panel.region.locator(`[data-tag="${tag}"] [role="gridcell"][tabindex]`).first().focus();
      await one.page.keyboard.press('Delete');
      await waitForTag(panel, tag, false);
    }
    const frame = await activeFrame(one.page);
    assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'no tag left: the field');
  } finally {
    await one.close();
  }
});

test('focus: Retry keeps focus on its tag', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.emptyTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    suite.local.zendesk.control.failNext({ status: 500, times: 4 });
    await panel.add('flaky_tag');
    const retry = panel.region.getByRole('button', { name: /Retry/ });
    await retry.waitFor({ timeout: 20_000 });
    await retry.focus();
    await ws.page.keyboard.press('Enter');
    const frame = await activeFrame(ws.page);
    await frame.waitForFunction(() => document.activeElement?.closest('[role="row"]')?.getAttribute('data-tag') === 'flaky_tag', null, { timeout: UI_TIMEOUT });
    await waitForTag(panel, 'flaky_tag');
  } finally {
    await ws.close();
  }
});


test('focus: Undo of a removal goes to the tag it brings back', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/organizations/${SEED_IDS.organization}`);
  try {
    const panel = tagPanel(ws.app, 'Organization tags');
    await waitForTag(panel, 'vip');
    await panel.removeButton('vip').click();
    await waitForTag(panel, 'vip', false);
    const undo = panel.region.getByRole('button', { name: 'Undo' });
    await undo.waitFor({ timeout: UI_TIMEOUT });
    await undo.focus();
    await ws.page.keyboard.press('Enter');
    const frame = await activeFrame(ws.page);
    await frame.waitForFunction(() => document.activeElement?.closest('[role="row"]')?.getAttribute('data-tag') === 'vip', null, { timeout: UI_TIMEOUT });
  } finally {
    await ws.close();
  }
});
