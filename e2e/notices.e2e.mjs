// The screen never claims more than the server said: one notice per change, "Adding X…" until
// Zendesk answers, then "Added X · Undo" or "Couldn't add X: <reason>" in its place, never both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, activeFrame, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

/**
 * Records, inside the app frame, every text the panel showed for its notices, from now on, so
 * a success mark that flashed for a moment is caught too.
 */
async function watchNotices(page, region) {
  const frame = await activeFrame(page);
  await frame.evaluate((name) => {
    const seen = (window.__noticesSeen = []);
    // The region is looked up on every change: the first paint's section is replaced by the
    // panel's own once its chunk is in, and on a busy machine that can happen after this starts.
    const record = () => {
      const panel = document.querySelector(`section[aria-label="${name}"]`);
      for (const el of panel?.querySelectorAll('[data-notice]') ?? []) seen.push(`${el.getAttribute('data-notice')}: ${el.textContent}`);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    record();
  }, region);
  return () => frame.evaluate(() => window.__noticesSeen);
}

const cases = [
  {
    name: '403 (no permission: the agent may not tag organizations)',
    view: `/organizations/${SEED_IDS.organization}`,
    region: 'Organization tags',
    present: 'enterprise',
    // A role the up-front check cannot know about (a custom role): the server says no.
    arm: (control) => control.failNext({ status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page.' } }),
    reason: /You don't have permission/,
  },
  {
    name: 'tagging off (turned off after the sidebar opened)',
    view: `/users/${SEED_IDS.endUser}`,
    region: 'User tags',
    present: 'vip_contact',
    arm: (control) =>
      control.failNext({
        status: 403,
        body: { error: 'TagsDisabled', description: 'Tags on users and organizations are turned off for this account.' },
      }),
    reason: /tags on users and organizations are turned off/i,
  },
  {
    name: '5xx until "Not saved"',
    view: `/tickets/${SEED_IDS.openTicket}`,
    region: 'Ticket tags',
    present: 'billing',
    arm: (control) => control.failNext({ status: 500, times: 8 }),
    reason: /not saved, Zendesk didn't answer/,
  },
];

for (const c of cases) {
  test(`no success before Zendesk confirmed: ${c.name}`, async () => {
    const ws = await openWorkspace(suite.browser, suite.local, c.view);
    try {
      const panel = tagPanel(ws.app, c.region);
      await waitForTag(panel, c.present);
      await panel.input.waitFor({ timeout: UI_TIMEOUT });
      const seen = await watchNotices(ws.page, c.region);
      c.arm(suite.local.zendesk.control);
      await panel.add('honest_tag');
      const alert = panel.region.getByRole('alert').filter({ hasText: 'honest_tag' });
      await alert.waitFor({ timeout: 25_000 });
      assert.match(await alert.innerText(), /Couldn't add "honest_tag"/);
      assert.match(await alert.innerText(), c.reason);
      const texts = await seen();
      assert.ok(texts.some((t) => /^sending: Adding "honest_tag"…/.test(t)), JSON.stringify(texts));
      assert.deepEqual(
        texts.filter((t) => /Added/.test(t) || t.startsWith('done')),
        [],
        'never a success mark for a change Zendesk did not confirm',
      );
      assert.equal(await panel.region.getByRole('button', { name: 'Undo' }).count(), 0);
      // One notice for the change, in its final state.
      assert.equal(await panel.region.locator('[data-notice]').filter({ hasText: 'honest_tag' }).count(), 1);
      const kind = c.region === 'Ticket tags' ? 'tickets' : c.region === 'User tags' ? 'users' : 'organizations';
      const id = Number(c.view.split('/').at(-1));
      assert.ok(!suite.local.zendesk.control.snapshot()[kind][id].tags.includes('honest_tag'));
    } finally {
      suite.local.zendesk.control.setOffline(false);
      await ws.close();
    }
  });
}

test('no success before Zendesk confirmed: offline, the change waits as "Adding…" and is "Added" only once it reached the server', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  const control = suite.local.zendesk.control;
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    const seen = await watchNotices(ws.page, 'Ticket tags');
    control.setOffline(true);
    await panel.add('honest_tag');
    await panel.region.locator('[data-notice]').filter({ hasText: 'Adding "honest_tag"…' }).waitFor({ timeout: UI_TIMEOUT });
    await ws.page.waitForTimeout(3000);
    const offline = await seen();
    assert.deepEqual(offline.filter((t) => /Added/.test(t) || t.startsWith('done')), [], JSON.stringify(offline));
    assert.equal(await panel.region.getByRole('button', { name: 'Undo' }).count(), 0);
    control.setOffline(false);
    const done = panel.region.locator('[data-notice="done"]').filter({ hasText: 'Added "honest_tag".' });
    await done.waitFor({ timeout: 30_000 });
    assert.ok(control.snapshot().tickets[SEED_IDS.openTicket].tags.includes('honest_tag'), 'the server holds it');
  } finally {
    control.setOffline(false);
    await ws.close();
  }
});

test('a confirmed change goes "Adding X…" → "Added X · Undo", and Undo is a change of its own', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    const seen = await watchNotices(ws.page, 'Ticket tags');
    await panel.add('honest_tag');
    const done = panel.region.locator('[data-notice="done"]').filter({ hasText: 'Added "honest_tag".' });
    await done.waitFor({ timeout: UI_TIMEOUT });
    const texts = await seen();
    const firstDone = texts.findIndex((t) => t.startsWith('done'));
    assert.ok(texts.slice(0, firstDone).some((t) => t.startsWith('sending: Adding "honest_tag"…')), JSON.stringify(texts));
    assert.ok(suite.local.zendesk.control.snapshot().tickets[SEED_IDS.openTicket].tags.includes('honest_tag'));
    await done.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => !suite.local.zendesk.control.snapshot().tickets[SEED_IDS.openTicket].tags.includes('honest_tag'), 'undone on the server');
    await panel.region.locator('[data-notice="done"]').filter({ hasText: 'Removed "honest_tag".' }).waitFor({ timeout: UI_TIMEOUT });
  } finally {
    await ws.close();
  }
});
