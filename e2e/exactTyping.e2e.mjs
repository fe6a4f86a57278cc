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
  // Garden's Combobox chunk is held back for the first 10 rounds: they are typed into the
  // light stand-in field, the hand-over comes while the agent is in the field, and the last
  // 10 rounds are typed into Garden's Combobox.
  let releaseChunk;
  const chunkHeld = new Promise((resolve) => (releaseChunk = resolve));
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${id}`, {
    beforeGoto: (context) =>
      context.route(/AddTagsCombobox-[^/]*\.js/, async (route) => {
        await chunkHeld;
        await route.continue();
      }),
  });
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.waitFor({ timeout: UI_TIMEOUT });
    await panel.input.focus();
    const expected = [];
    for (let round = 0; round < 20; round++) {
      if (round === 10) {
        releaseChunk();
        await panel.region.locator('[data-garden-id="dropdowns.combobox.input"]').waitFor({ timeout: UI_TIMEOUT });
        assert.equal(await panel.input.evaluate((el) => el === document.activeElement), true, 'the field kept focus through the hand-over');
      }
      const garden = await panel.input.getAttribute('data-garden-id');
      assert.equal(garden === 'dropdowns.combobox.input', round >= 10, `round ${round} is typed into the ${round >= 10 ? 'Combobox' : 'stand-in'}`);
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
    releaseChunk();
    await ws.close();
  }
});
