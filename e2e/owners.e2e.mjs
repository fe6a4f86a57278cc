// One ticket sidebar, three owners: the ticket, its requester and its organization; the user
// sidebar shows the user's organization's tags read-only.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { startServers, launchBrowser, defaultStorage, openWorkspace, tagPanel, waitForTag, eventually, activeFrame, UI_TIMEOUT } from './lib/harness.mjs';

let local;
let browser;

before(async () => {
  [local, browser] = await Promise.all([startServers(), launchBrowser({ storage: defaultStorage() })]);
});
after(async () => {
  await browser?.close();
  await local?.close();
});
beforeEach(() => local.zendesk.control.reset());

const snapshot = () => local.zendesk.control.snapshot();
const ada = SEED_IDS.endUser;
const acme = SEED_IDS.organization;

test('ticket 1 shows three regions: the ticket, its requester and its organization', async () => {
  const ws = await openWorkspace(browser, local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const ticket = tagPanel(ws.app, 'Ticket tags');
    const requester = tagPanel(ws.app, 'Requester tags');
    const organization = tagPanel(ws.app, 'Organization tags');
    await waitForTag(ticket, 'billing');
    await waitForTag(requester, 'vip_contact');
    await waitForTag(organization, 'enterprise');
    assert.deepEqual(await ticket.removableTags(), snapshot().tickets[SEED_IDS.openTicket].tags);
    assert.deepEqual(await requester.removableTags(), snapshot().users[ada].tags);
    assert.deepEqual(await organization.removableTags(), snapshot().organizations[acme].tags);
    // Inherited ticket tags carry their marker.
    const marker = ticket.region.locator('li[data-tag="vip_contact"]').getByRole('img');
    assert.match((await marker.getAttribute('aria-label')) ?? '', /^Also on the requester/);
  } finally {
    await ws.close();
  }
});

// The account-wide lists (tagging on or off, ticket fields) are read once per session, after the
// tags show, and shared by every instance; what an opening may not cost is a read of its records.
const ACCOUNT_LIST = /^\/api\/v2\/(account\/settings|ticket_fields)\.json$/;
function recordRequests(log) {
  const lists = log.filter((e) => ACCOUNT_LIST.test(e.path)).map((e) => e.path);
  assert.equal(new Set(lists).size, lists.length, `each account list at most once: ${JSON.stringify(lists)}`);
  return log.filter((e) => !ACCOUNT_LIST.test(e.path));
}

test('opening a ticket costs no API request about its records (the account lists once per session)', async () => {
  const ws = await openWorkspace(browser, local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
    await waitForTag(tagPanel(ws.app, 'Organization tags'), 'enterprise');
    // Leave time for anything the app might still send on its own.
    await ws.page.waitForTimeout(1500);
    const log = recordRequests(local.zendesk.control.log());
    assert.equal(log.length, 0, `expected none, got ${JSON.stringify(log)}`);
  } finally {
    await ws.close();
  }
});

test('removing an inherited ticket tag offers to remove it on the requester, and doing so removes it there', async () => {
  const ws = await openWorkspace(browser, local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const ticket = tagPanel(ws.app, 'Ticket tags');
    const requester = tagPanel(ws.app, 'Requester tags');
    await waitForTag(ticket, 'vip_contact');
    await ticket.removeButton('vip_contact').click();
    await waitForTag(ticket, 'vip_contact', false);
    const advice = ticket.region.locator('[data-advice]');
    await advice.getByText('vip_contact also comes from the requester: it will come back unless you remove it there.').waitFor({ timeout: UI_TIMEOUT });
    await eventually(() => !snapshot().tickets[SEED_IDS.openTicket].tags.includes('vip_contact'), 'ticket tag removed');
    assert.ok(snapshot().users[ada].tags.includes('vip_contact'), 'still on the requester until asked');

    await advice.getByRole('button', { name: 'Remove from requester' }).click();
    await eventually(() => !snapshot().users[ada].tags.includes('vip_contact'), 'requester tag removed');
    await waitForTag(requester, 'vip_contact', false);
    await advice.getByText('Removed vip_contact from the requester too.').waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(snapshot().users[ada].tags, ['newsletter']);
  } finally {
    await ws.close();
  }
});

test('a collapsed group stays collapsed after a reload', async (t) => {
  const ws = await openWorkspace(browser, local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const frame = await activeFrame(ws.page);
    const storage = await frame.evaluate(() => {
      try {
        window.localStorage.getItem('probe');
        return true;
      } catch {
        return false;
      }
    });
    const requester = tagPanel(ws.app, 'Requester tags');
    await waitForTag(requester, 'vip_contact');
    const toggle = requester.region.getByRole('button', { name: /^Requester tags\b/ });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.focus();
    await toggle.press('Enter');
    await eventually(async () => (await toggle.getAttribute('aria-expanded')) === 'false', 'collapsed');
    await waitForTag(requester, 'vip_contact', false);
    assert.deepEqual(ws.errors, [], 'the app survives whatever storage does');
    if (!storage) {
      // This browser denies storage to third-party frames (the app is on another site than
      // the workspace): the choice then lasts for the page only, and a reload cannot keep it.
      t.skip('third-party storage is blocked in this browser: nothing can survive the reload');
      return;
    }

    await ws.page.reload();
    await ws.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
    const again = tagPanel(ws.app, 'Requester tags');
    await again.region.waitFor({ timeout: UI_TIMEOUT });
    const toggleAgain = again.region.getByRole('button', { name: /^Requester tags\b/ });
    await eventually(async () => (await toggleAgain.getAttribute('aria-expanded')) === 'false', 'still collapsed after reload');
    assert.equal(await again.removeButton('vip_contact').count(), 0);
    // The other groups stay open.
    const ticketToggle = tagPanel(ws.app, 'Ticket tags').region.getByRole('button', { name: /^Ticket tags\b/ });
    assert.equal(await ticketToggle.getAttribute('aria-expanded'), 'true');
    await waitForTag(tagPanel(ws.app, 'Ticket tags'), 'billing');
  } finally {
    await ws.close();
  }
});

test("user sidebar shows the organization's tags read-only, with a link to the organization", async () => {
  const ws = await openWorkspace(browser, local, `/users/${ada}`);
  try {
    await waitForTag(tagPanel(ws.app, 'User tags'), 'vip_contact');
    const organization = tagPanel(ws.app, 'Organization tags');
    for (const tag of snapshot().organizations[acme].tags) {
      await organization.region.getByText(tag, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    }
    assert.equal(await organization.region.getByRole('button', { name: /^Remove tag / }).count(), 0);
    assert.equal(await organization.input.count(), 0);
    await organization.region.getByRole('button', { name: 'Open Acme Corp' }).click();
    await eventually(async () => ws.page.evaluate(() => window.location.hash === `#/organizations/201`), 'routed to the organization');
    const own = tagPanel(ws.app, 'Organization tags');
    await waitForTag(own, 'enterprise');
    assert.deepEqual(recordRequests(local.zendesk.control.log()), []);
  } finally {
    await ws.close();
  }
});
