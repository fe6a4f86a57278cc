// Never lose a change, in a real browser, in both browser modes (storage refused by default in
// the cross-site app frame; storage allowed): Undo during a write that landed and then failed,
// two tabs on one record, reloads right after a change, offline and back, a malformed 200, and
// the requester's tags changed elsewhere.
// Each browser mode runs in its own file (e2e/sync-*.<mode>.e2e.mjs) to keep files short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../../dev/zendesk/seed.mjs';
import { openWorkspace, appFrame, activeFrame, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './harness.mjs';

/** @param {{ local: any, browser: any, storage: 'refused' | 'allowed' }} suite @param {'reloads' | 'connection'} group */
export function syncCases(suite, group) {
  const control = () => suite.local.zendesk.control;
  const userTags = () => control().snapshot().users[SEED_IDS.endUser].tags;
  const ticketTags = () => control().snapshot().tickets[SEED_IDS.openTicket].tags;

  /** A second tab of the same browser (same storage) on a workspace view. */
  async function anotherTab(ws, view) {
    const page = await ws.context.newPage();
    await page.goto(`${suite.local.workspaceUrl}#${view}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
    return { page, app: appFrame(page) };
  }

  if (group === 'reloads') {
    test('Undo during a removal that landed but answered 500: the tag stays, on the server and on screen', async () => {
      const ws = await openWorkspace(suite.browser, suite.local, `/users/${SEED_IDS.endUser}`);
      try {
        const panel = tagPanel(ws.app, 'User tags');
        await waitForTag(panel, 'vip_contact');
        // Every write lands, and every answer says 500.
        control().failNext({ status: 500, apply: true, times: 4 });
        await panel.removeButton('vip_contact').click();
        await panel.region.getByRole('button', { name: 'Undo' }).click();
        await eventually(() => userTags().includes('vip_contact') && !control().log().some((e) => e.time > Date.now() - 1500), 'the server has it and the app is quiet', 25_000);
        await waitForTag(panel, 'vip_contact');
        assert.ok(userTags().includes('vip_contact'));
        assert.equal(await panel.region.getByRole('button', { name: /Retry/ }).count(), 0, 'nothing left unsaved');
      } finally {
        await ws.close();
      }
    });

    test('two tabs on one user, each with a change not saved yet; one reloads: neither change is lost or sent by the other tab', async () => {
      const ws = await openWorkspace(suite.browser, suite.local, `/users/${SEED_IDS.endUser}`);
      try {
        const tabB = await anotherTab(ws, `/users/${SEED_IDS.endUser}`);
        const a = tagPanel(ws.app, 'User tags');
        const b = tagPanel(tabB.app, 'User tags');
        await waitForTag(a, 'vip_contact');
        await waitForTag(b, 'vip_contact');
        control().failNext({ status: 500, times: 40 });
        await a.add('from_tab_a');
        await b.add('from_tab_b');
        await a.region.getByRole('button', { name: /Retry/ }).first().waitFor({ timeout: 30_000 });
        await b.region.getByRole('button', { name: /Retry/ }).first().waitFor({ timeout: 30_000 });
        control().clearFailures();

        await tabB.page.reload();
        await tabB.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
        const reloaded = tagPanel(appFrame(tabB.page), 'User tags');
        // The reloaded tab takes over its own change and saves it; tab A's stays with tab A.
        await eventually(() => userTags().includes('from_tab_b'), "tab B's change saved after its reload", 20_000);
        await waitForTag(reloaded, 'from_tab_b');
        assert.ok(!userTags().includes('from_tab_a'), "the reloaded tab did not send tab A's change");
        await a.region.getByRole('button', { name: /Retry/ }).first().click();
        await eventually(() => userTags().includes('from_tab_a'), "tab A's change saved on Retry");
      } finally {
        await ws.close();
      }
    });

    for (const ms of [50, 300]) {
      test(`a change ${ms} ms before a reload reaches the server`, async () => {
        const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
        try {
          const panel = tagPanel(ws.app, 'Ticket tags');
          await waitForTag(panel, 'billing');
          const frame = await activeFrame(ws.page);
          const localStorageWorks = await frame.evaluate(() => {
            try {
              window.localStorage.setItem('tagwise_probe', '1');
              window.localStorage.removeItem('tagwise_probe');
              return true;
            } catch {
              return false;
            }
          });
          assert.equal(localStorageWorks, suite.storage === 'allowed', `the browser mode is "storage ${suite.storage}"`);
          await panel.add('first_change');
          await eventually(() => ticketTags().includes('first_change'), 'the first change saved');
          // A second change right after a write is gathered for a moment: a reload must not lose it.
          await panel.add(`before_reload_${ms}`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          await ws.page.reload();
          await ws.page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
          await eventually(() => ticketTags().includes(`before_reload_${ms}`), 'the change on the server', 15_000);
          await waitForTag(tagPanel(ws.app, 'Ticket tags'), `before_reload_${ms}`);
        } finally {
          await ws.close();
        }
      });
    }

    return;
  }

  test('offline, then online: one line says Zendesk cannot be reached, and the change goes by itself when it is back', async () => {
    const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
    try {
      const panel = tagPanel(ws.app, 'Ticket tags');
      await waitForTag(panel, 'billing');
      control().setOffline(true);
      await panel.add('while_offline');
      const line = panel.region.getByRole('status').filter({ hasText: "Zendesk can't be reached" });
      await line.waitFor({ timeout: UI_TIMEOUT });
      assert.ok(!ticketTags().includes('while_offline'));
      control().setOffline(false);
      await eventually(() => ticketTags().includes('while_offline'), 'sent once Zendesk is back, with no click', 20_000);
      await line.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await waitForTag(panel, 'while_offline');
    } finally {
      await ws.close();
    }
  });

  test('a 200 with an HTML body on a removal is not taken as done: the app reads and sends it again', async () => {
    const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
    try {
      const panel = tagPanel(ws.app, 'Ticket tags');
      await waitForTag(panel, 'refund');
      control().failNext({ status: 200, body: '<!DOCTYPE html><html><body>Maintenance</body></html>' });
      await panel.removeButton('refund').click();
      await eventually(() => !ticketTags().includes('refund'), 'the removal really reached the server', 15_000);
      const deletes = control().log().filter((e) => e.method === 'DELETE');
      assert.ok(deletes.length >= 2, JSON.stringify(deletes));
      await waitForTag(panel, 'refund', false);
      assert.equal(await panel.region.getByRole('button', { name: /Retry/ }).count(), 0);
    } finally {
      await ws.close();
    }
  });

  test("the requester's tags changed elsewhere: coming back to the ticket (app.activated) shows them", async () => {
    const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
    try {
      const requester = tagPanel(ws.app, 'Requester tags');
      await waitForTag(requester, 'vip_contact');
      await ws.page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), SEED_IDS.noOrgTicket);
      await tagPanel(ws.app, 'Ticket tags').region.waitFor({ timeout: UI_TIMEOUT });
      control().act({ kind: 'user', id: SEED_IDS.endUser, add: ['changed_elsewhere'] });
      await ws.page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), SEED_IDS.openTicket);
      await waitForTag(tagPanel(ws.app, 'Requester tags'), 'changed_elsewhere');
    } finally {
      await ws.close();
    }
  });
}
