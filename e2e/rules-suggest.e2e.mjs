// The admin's tag rules in the workspace (3/3): did you mean, descriptions, and the workspace's settings form.
// Settings are set by name, as Admin Center would (withWorkspace's `settings`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, tagPanel, waitForTag, eventually, UI_TIMEOUT, withWorkspace } from './lib/harness.mjs';

const suite = workspaceSuite();


test('did you mean: the close existing tag comes first, with its ticket count', async () => {
  await withWorkspace(suite, `/tickets/${SEED_IDS.emptyTicket}`, {}, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await panel.input.click({ timeout: UI_TIMEOUT });
    await panel.input.fill('warrenty');
    const first = ws.app.getByRole('option').first();
    await eventually(async () => /^warranty · [\d,]+ tickets/.test((await first.textContent()) ?? ''), 'did-you-mean first');
    await panel.input.press('ArrowDown');
    await panel.input.press('Enter');
    await waitForTag(panel, 'warranty');
  });
});

test('descriptions: in the suggestions and on hover or focus of a tag', async () => {
  await withWorkspace(suite, `/tickets/${SEED_IDS.openTicket}`, { tag_descriptions: 'vip: contract customers; set by sales\nwarranty: under warranty' }, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'vip');
    // The tag's name, not the row's middle: the row also holds the origin marker, whose own
    // tooltip can open over the field and keep the pointer (then the click never lands).
    await panel.region.locator('li[data-tag="vip"]').getByText('vip', { exact: true }).hover();
    await ws.app.getByRole('tooltip').filter({ hasText: 'vip: contract customers; set by sales' }).first().waitFor({ timeout: UI_TIMEOUT });
    await panel.input.focus();
    await panel.input.fill('warr');
    await ws.app.getByRole('option', { name: /warranty.*under warranty/ }).waitFor({ timeout: UI_TIMEOUT });
  });
});

test('the workspace changes the settings and reloads the app with them, as Admin Center does', async () => {
  await withWorkspace(suite, `/tickets/${SEED_IDS.openTicket}`, undefined, async (ws) => {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'vip');
    await ws.page.getByLabel('Protected tags (protected_tags)').fill('vip');
    await ws.page.getByLabel('Show requester tags (show_requester_tags)').uncheck();
    await ws.page.getByRole('button', { name: 'Save settings and reload apps' }).click();
    await panel.region.locator('li[data-tag="vip"]').getByRole('img', { name: /Protected/ }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await panel.removeButton('vip').count(), 0);
    assert.equal(await tagPanel(ws.app, 'Requester tags').region.count(), 0);
    // A bad value is named in the sidebar, and the app keeps working.
    await ws.page.getByLabel('Protected tags (protected_tags)').fill('v*p');
    await ws.page.getByRole('button', { name: 'Save settings and reload apps' }).click();
    await ws.app.getByRole('alert').filter({ hasText: 'Protected tags, line 1: "v*p" isn\'t a name or a prefix ending in *' }).waitFor({ timeout: UI_TIMEOUT });
    await waitForTag(panel, 'vip');
  });
});
