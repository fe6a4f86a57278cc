#!/usr/bin/env node
// Pictures of each sidebar state, for comparing two builds of the app:
//   node scripts/sidebar-shots.mjs <out-dir> [assets-dir]
// (assets-dir defaults to this repo's assets/, i.e. `npm run build`).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { startServers, launchBrowser, openWorkspace, tagPanel, UI_TIMEOUT } from '../e2e/lib/harness.mjs';

const [out, assetsDir] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/sidebar-shots.mjs <out-dir> [assets-dir]');
  process.exit(1);
}
await mkdir(out, { recursive: true });
const local = await startServers(assetsDir ? { assetsDir: path.resolve(assetsDir) } : {});
const browser = await launchBrowser();

/** @param {string} view @param {string} name @param {(ws: any) => Promise<void>} [act] */
async function shot(view, name, act) {
  local.zendesk.control.reset();
  const ws = await openWorkspace(browser, local, view);
  try {
    await ws.app.getByRole('button', { name: /^Remove tag /, exact: false }).first().waitFor({ timeout: UI_TIMEOUT }).catch(() => undefined);
    await ws.page.waitForTimeout(500);
    if (act) await act(ws);
    await ws.page.waitForTimeout(700);
    await ws.page.locator('iframe[title="Tagwise"]').screenshot({ path: path.join(out, `${name}.png`), animations: 'disabled', caret: 'hide' });
    console.log(`${name}.png`);
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : error}`);
  } finally {
    await ws.close();
  }
}

const add = (panelName, text, failure) => async (/** @type {any} */ ws) => {
  const panel = tagPanel(ws.app, panelName);
  if (failure) local.zendesk.control.failNext(failure);
  await panel.add(text);
};

await shot(`/tickets/${SEED_IDS.openTicket}`, 'ticket');
await shot(`/tickets/${SEED_IDS.manyTagsTicket}`, 'ticket-many-tags');
await shot(`/tickets/${SEED_IDS.openTicket}`, 'suggestions-open', async (ws) => {
  const panel = tagPanel(ws.app, 'Ticket tags');
  await panel.input.click();
  await panel.input.pressSequentially('re');
  await ws.app.getByRole('option').first().waitFor({ timeout: UI_TIMEOUT });
});
await shot(`/users/${SEED_IDS.endUser}`, 'user-pending', add('User tags', 'urgent', { kind: 'timeout' }));
await shot(`/tickets/${SEED_IDS.openTicket}`, 'ticket-waiting', add('Ticket tags', 'urgent', { status: 429, headers: { 'Retry-After': '60' } }));
await shot(`/organizations/${SEED_IDS.organization}`, 'organization-failed', async (ws) => {
  await add('Organization tags', 'a_very_long_tag_name_that_does_not_fit_in_the_sidebar_at_all', { status: 500, times: 4 })(ws);
  await ws.app.getByText(/Not saved|Couldn't/).first().waitFor({ timeout: 20_000 });
});
await shot(`/tickets/${SEED_IDS.closedTicket}`, 'ticket-closed');

await browser.close();
await local.close();
