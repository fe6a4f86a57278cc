// The suggestions float over the content: the frame grows while they show, nothing moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, tagPanel, waitForTag, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

test('suggestions float: nothing below the field moves, the list is whole, the frame grows and shrinks', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const ticket = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(ticket, 'billing');
    // Measure once the whole sidebar is in (the requester's and organization's groups come
    // after the ticket's) and the frame has stopped resizing.
    await waitForTag(tagPanel(ws.app, 'Requester tags'), 'newsletter');
    await waitForTag(tagPanel(ws.app, 'Organization tags'), 'enterprise');
    const iframe = ws.page.locator('iframe[title="Tagwise"]');
    const below = ws.app.getByRole('heading', { name: /^Requester tags/ });
    let heightBefore = -1;
    for (let settled = 0; settled < 3; ) {
      const now = (await iframe.boundingBox())?.height ?? 0;
      settled = Math.abs(now - heightBefore) < 1 ? settled + 1 : 0;
      heightBefore = now;
      await ws.page.waitForTimeout(200);
    }
    const belowBefore = (await below.boundingBox())?.y;
    await ticket.input.click();
    // A pasted list: the word being typed is the last one.
    await ticket.input.fill('billing, re');
    const listbox = ws.app.getByRole('listbox');
    await ws.app.getByRole('option').first().waitFor({ timeout: UI_TIMEOUT });
    const frame = await activeFrame(ws.page);
    // The frame grows until the whole list fits in it.
    await frame.waitForFunction(
      () => {
        const list = document.querySelector('[role="listbox"]');
        return list !== null && list.getBoundingClientRect().bottom <= window.innerHeight && list.scrollHeight <= list.clientHeight + 1;
      },
      null,
      { timeout: UI_TIMEOUT },
    );
    assert.equal((await below.boundingBox())?.y, belowBefore, 'the requester heading did not move');
    const input = await ticket.input.boundingBox();
    const list = await listbox.boundingBox();
    assert.ok(input && list && list.y >= input.y + input.height, 'the list opens below the field');
    await ticket.input.press('Escape');
    await listbox.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await ws.page.waitForFunction((h) => Math.abs(document.querySelector('iframe[title="Tagwise"]').getBoundingClientRect().height - h) < 2, heightBefore, {
      timeout: UI_TIMEOUT,
    });
  } finally {
    await ws.close();
  }
});
