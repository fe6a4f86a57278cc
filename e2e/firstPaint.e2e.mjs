// The entry's first paint (plain DOM, before React loads) and the panel that replaces it:
// the agent sees the tags once, where they stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

/** Where each text of the "Ticket tags" region sits (heading, count, tag names), by text. */
function textBoxes(frame) {
  return frame.evaluate(() => {
    const region = document.querySelector('[aria-label="Ticket tags"]');
    const out = {};
    if (!region) return out;
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || text.length < 2) continue; // the panel's visually hidden separators
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width > 0) out[text] = { x: r.left, y: r.top };
    }
    return out;
  });
}

/**
 * Opens ticket 1 with the panel's code held back, reads where each text of the entry's own
 * paint sits, lets the panel load, and reads it again.
 */
async function beforeAndAfter(settings, checkFirstPaint, ticket = SEED_IDS.openTicket) {
  let release = () => {};
  const held = new Promise((resolve) => (release = resolve));
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${ticket}`, {
    ...(settings ? { settings } : {}),
    beforeGoto: (context) =>
      context.route(/\/build\/mountApp-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      }),
  });
  try {
    const frame = await activeFrame(ws.page);
    await frame.waitForSelector('[data-tagwise-first-paint] [aria-label="Ticket tags"]', { timeout: UI_TIMEOUT });
    assert.equal(await frame.locator('[role="combobox"]').count(), 0, 'the panel is not there yet');
    await checkFirstPaint(frame);
    const first = await textBoxes(frame);
    release();
    await frame.locator('[role="combobox"]').first().waitFor({ timeout: UI_TIMEOUT });
    return { first, panel: await textBoxes(frame) };
  } finally {
    release();
    await ws.close();
  }
}

/** Every text both paints show stays within half a pixel; `expected` must be among them. */
function assertNothingMoved({ first, panel }, expected, { except = [] } = {}) {
  for (const text of expected) assert.ok(first[text] && panel[text], `${text} shown in both`);
  for (const text of Object.keys(first)) {
    if (!panel[text] || except.includes(text)) continue;
    const moved = Math.max(Math.abs(first[text].x - panel[text].x), Math.abs(first[text].y - panel[text].y));
    assert.ok(moved <= 0.5, `${text} moved ${moved.toFixed(1)} px (${JSON.stringify(first[text])} → ${JSON.stringify(panel[text])})`);
  }
}

const TICKET_1 = ['Ticket tags', '6 tags', 'billing', 'refund', 'vip_contact', 'newsletter', 'enterprise', 'vip'];

test('the panel replaces the first paint without moving the heading, the count or any tag (inherited ones marked in both)', async () => {
  const places = await beforeAndAfter(undefined, async (frame) => {
    // vip_contact and newsletter are the requester's, enterprise and vip the organization's.
    assert.equal(await frame.locator('[data-tagwise-first-paint] [role="img"]').count(), 4);
  });
  assertNothingMoved(places, TICKET_1);
});

test('protected tags keep their place too: the lock, and no remove button, from the first paint on', async () => {
  const places = await beforeAndAfter({ protected_tags: 'vip*' }, async (frame) => {
    const paint = frame.locator('[data-tagwise-first-paint]');
    assert.equal(await paint.getByRole('img', { name: /^Protected: / }).count(), 2);
    assert.equal(await paint.getByRole('button', { name: 'Remove tag vip' }).count(), 0);
  });
  assertNothingMoved(places, TICKET_1);
});

test('more than 12 tags: compact pills in the first paint as in the panel', async () => {
  const places = await beforeAndAfter(undefined, async (frame) => {
    assert.equal(await frame.locator('[data-tagwise-first-paint] li').count(), 13);
  }, SEED_IDS.manyTagsTicket);
  // escalated backs the Escalated checkbox: the panel marks it once the ticket fields are
  // known (a request), which the first paint does not wait for.
  assertNothingMoved(places, ['13 tags', 'printer', 'product_printer', 'vip'], { except: ['escalated'] });
});

test('more than 200 tags: the first paint is the top of the same scroll box of one tag per line', async () => {
  const many = Array.from({ length: 300 }, (_, i) => `bulk_${String(i).padStart(3, '0')}`);
  suite.local.zendesk.control.act({ kind: 'ticket', id: SEED_IDS.emptyTicket, add: many });
  const places = await beforeAndAfter(undefined, async () => {}, SEED_IDS.emptyTicket);
  assertNothingMoved(places, ['300 tags', 'bulk_000', 'bulk_010']);
});
