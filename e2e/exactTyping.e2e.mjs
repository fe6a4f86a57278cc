// "Add tags" saves exactly what the field holds: keys with no pause between them and a word
// inserted at once (as text expanders, scanners and automation deliver them). Pastes: exactPaste.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const ticketTags = (id) => suite.local.zendesk.control.snapshot().tickets[id].tags;
const sorted = (list) => [...list].sort();

test('0 ms between keys, each word + Enter, and one word inserted at once: the server holds exactly those words (20 rounds)', { timeout: 240_000 }, async () => {
  const id = SEED_IDS.emptyTicket;
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${id}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    await panel.input.focus();
    // One field from the first paint on: the element typed into is never replaced.
    await panel.input.evaluate((el) => (el.dataset.firstField = 'yes'));
    const expected = [];
    for (let round = 0; round < 20; round++) {
      assert.equal(await panel.input.getAttribute('data-first-field'), 'yes', `round ${round} is typed into the same field`);
      assert.equal(await panel.input.evaluate((el) => el === document.activeElement), true, `round ${round}: the field has the focus`);
      const words = ['escalated', 'priority', 'callback', 'refund'].map((w) => `${w}_${round}`);
      for (const word of words) {
        await ws.page.keyboard.type(word, { delay: 0 });
        await ws.page.keyboard.press('Enter');
      }
      const inserted = `inserted_${round}`;
      await ws.page.keyboard.insertText(inserted);
      await ws.page.keyboard.press('Enter');
      expected.push(...words, inserted);
      // Words run together or cut short leave fewer tags: compare whatever is there by then.
      await eventually(() => ticketTags(id).length >= expected.length, `round ${round} saved`).catch(() => undefined);
      // Let anything still on its way land before comparing: a wrong tag is as bad as a missing one.
      await eventually(async () => (await panel.region.getByRole('img', { name: 'Saving' }).count()) === 0, 'nothing saving');
      const server = ticketTags(id);
      const wrong = { missing: expected.filter((t) => !server.includes(t)), unexpected: server.filter((t) => !expected.includes(t)) };
      assert.deepEqual(wrong, { missing: [], unexpected: [] }, `round ${round}`);
      assert.equal(server.length, expected.length);
      assert.equal(await panel.input.inputValue(), '', `round ${round}: the field is empty afterwards`);
    }
  } finally {
    await ws.close();
  }
});
