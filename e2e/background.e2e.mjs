// The background location: its own small page, loaded once per session, that keeps the
// account-wide lists (settings, ticket fields) the sidebars share, so a sidebar opened again
// does not ask Zendesk for them again, in both browser storage modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { isAccountListRead } from '../dev/zendesk/accountLists.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually } from './lib/harness.mjs';

const suite = workspaceSuite();

const listReads = () =>
  suite.local.zendesk.control
    .log()
    .filter((e) => isAccountListRead(e.method, e.path))
    .map((e) => e.path.split('?')[0]);

test('the background page runs no panel code, and keeps the lists for the next opening', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    // The workspace mounts the background frame first; under load its URL may not be set yet.
    const background = await eventually(
      () => ws.page.frames().find((f) => /\/assets\/background\.html\?/.test(f.url())),
      `a background frame from assets/background.html`,
    );
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    await panel.removableTags();
    // The first opening reads the account's settings and ticket fields once.
    await eventually(() => ['/api/v2/account/settings', '/api/v2/ticket_fields'].every((p) => listReads().some((r) => r.startsWith(p))), 'settings and ticket fields read');
    const before = listReads();
    // Only the background is left to hold them: the ticket's instance is closed and opened again.
    const frameSrc = () => ws.page.locator('iframe[title="Tagwise"]').getAttribute('src');
    const firstInstance = await frameSrc();
    await ws.page.evaluate(() => document.getElementById('reload-app')?.click());
    await eventually(async () => (await frameSrc()) !== firstInstance, 'a new instance of the ticket sidebar');
    await waitForTag(panel, 'billing');
    await panel.removableTags();
    await ws.page.waitForTimeout(1500);
    assert.deepEqual(listReads(), before, 'no account-wide list asked again');
    // What the background frame loaded: the SDK and the sharing, not the panel (Garden, engine, React).
    const scripts = await background.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''));
    assert.ok(scripts.some((s) => /^background-.*\.js$/.test(s)), `background script loaded: ${scripts.join(', ')}`);
    const heavy = scripts.filter((s) => /^(index|App|useServices|theme|TicketSidebar)-/.test(s));
    assert.deepEqual(heavy, [], 'no panel chunk in the background frame');
  } finally {
    await ws.close();
  }
});
