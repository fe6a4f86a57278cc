// "Add tags" saves exactly what a paste holds, at any length, or refuses it and sends nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const ticketTags = (id) => suite.local.zendesk.control.snapshot().tickets[id].tags;
const sorted = (list) => [...list].sort();

/** 600 distinct tags, about 7,800 characters with their separators. */
function manyTags() {
  const tags = [];
  for (let i = 0; i < 600; i++) tags.push(`paste_t_${String(i).padStart(4, '0')}`);
  return tags;
}

async function paste(page, frameInput, text) {
  // A real paste event with the text on its clipboard, as the browser fires it.
  await frameInput.evaluate((input, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (input.dispatchEvent(event)) document.execCommand('insertText', false, value);
  }, text);
}

test('a paste of 600 tags (~7,800 characters, one line or one per line) becomes exactly those tags', { timeout: 180_000 }, async () => {
  for (const [id, separator] of [
    [SEED_IDS.emptyTicket, ' '],
    [SEED_IDS.noOrgTicket, '\n'],
  ]) {
    const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${id}`);
    try {
      const panel = tagPanel(ws.app, 'Ticket tags');
      await panel.input.waitFor({ timeout: 30_000 });
      const before = ticketTags(id);
      const tags = manyTags();
      const text = tags.join(separator);
      assert.ok(text.length > 7700 && text.length < 8000, `${text.length} characters`);
      await panel.input.click();
      await paste(ws.page, panel.input, text);
      assert.equal((await panel.input.inputValue()).length, text.length, 'the field holds the whole paste');
      await panel.input.press('Enter');
      // 600 chips to render and one large write: give a loaded machine room.
      await eventually(() => ticketTags(id).length === before.length + tags.length, 'all pasted tags saved', 60_000);
      assert.deepEqual(sorted(ticketTags(id)), sorted([...before, ...tags]));
      await waitForTag(panel, tags.at(-1), true, 30_000);
      assert.equal(await panel.input.inputValue(), '');
      // A list this long is windowed: the grid counts every tag, the DOM holds a few blocks.
      const grid = panel.region.getByRole('grid');
      assert.equal(await grid.getAttribute('aria-rowcount'), String(before.length + tags.length));
      const inDom = await grid.getByRole('row').count();
      assert.ok(inDom > 0 && inDom < 200, `${inDom} rows in the DOM`);
      // Every tag stays reachable from the keyboard: Home goes to the first, out of the DOM until then.
      await grid.locator(`[role="row"][data-tag="${tags.at(-1)}"] [tabindex="0"]`).focus();
      await ws.page.keyboard.press('Home');
      const focused = () => ws.app.locator(':focus').evaluate((el) => el.closest('[role="row"]')?.dataset.tag);
      await eventually(async () => (await focused()) === (before[0] ?? tags[0]), 'Home focuses the first tag', UI_TIMEOUT);
    } finally {
      await ws.close();
    }
  }
});

test('a paste with a tag too long to save is refused with a message, and nothing is sent', async () => {
  const id = SEED_IDS.emptyTicket;
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${id}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    const text = [...manyTags().slice(0, 300), 'x'.repeat(120), ...manyTags().slice(300)].join(' ');
    await panel.input.click();
    await paste(ws.page, panel.input, text);
    await panel.input.press('Enter');
    const alert = panel.region.getByRole('alert');
    await alert.waitFor({ timeout: UI_TIMEOUT });
    assert.match(await alert.innerText(), /too long/);
    assert.equal((await panel.input.inputValue()).length, text.length, 'the text stays for the agent to fix');
    await ws.page.waitForTimeout(500);
    assert.deepEqual(suite.local.zendesk.control.log().filter((e) => e.method !== 'GET'), []);
    assert.deepEqual(ticketTags(id), []);
  } finally {
    await ws.close();
  }
});
