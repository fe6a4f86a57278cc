// As quick as Zendesk's own tag field, in the real browser: space and comma end a tag, Tab
// takes the highlighted suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, activeFrame, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();
const ticketTags = () => suite.local.zendesk.control.snapshot().tickets[SEED_IDS.emptyTicket].tags;

test('space and comma turn typed words into tags; Tab takes the highlighted suggestion', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.emptyTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    // The panel's own field (the first paint before it has none).
    await panel.region.getByRole('combobox', { name: 'Add tags to ticket', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await panel.region.getByRole('combobox', { name: 'Add tags to ticket', exact: true }).count(), 1, 'the field has its own name');
    await panel.input.click();
    await panel.input.pressSequentially('alpha beta,');
    await waitForTag(panel, 'alpha');
    await waitForTag(panel, 'beta');
    assert.equal(await panel.input.inputValue(), '');
    await panel.input.pressSequentially('warr');
    await ws.app.getByRole('option', { name: 'warranty', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await panel.input.press('ArrowDown');
    await panel.input.press('Tab');
    await waitForTag(panel, 'warranty');
    const frame = await activeFrame(ws.page);
    assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'focus stays in the field');
    await eventually(() => ['alpha', 'beta', 'warranty'].every((t) => ticketTags().includes(t)), 'all three saved');
  } finally {
    await ws.close();
  }
});
