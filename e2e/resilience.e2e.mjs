// The app against a real-world server: someone else's concurrent change and rate limits
// (failing writes: failures.e2e.mjs), driven through the workspace's controls where that is what
// an engineer would do by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, tagPanel, waitForTag, eventually, UI_TIMEOUT } from './lib/harness.mjs';

const suite = workspaceSuite();

const ticketTags = () => suite.local.zendesk.control.snapshot().tickets[SEED_IDS.openTicket].tags;

test('another agent adds a tag just before the app writes: both tags survive, on the server and on screen', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    await panel.input.click();
    await panel.input.fill('mine_first');
    // The other agent's change lands on the server a moment before the app's write goes out:
    // the app's stamp is now stale.
    suite.local.zendesk.control.act({ kind: 'ticket', id: SEED_IDS.openTicket, add: ['theirs_first'] });
    await panel.input.press('Enter');
    await eventually(() => ticketTags().includes('mine_first') && ticketTags().includes('theirs_first'), 'both tags on the server');
    await waitForTag(panel, 'mine_first');
    await waitForTag(panel, 'theirs_first');
    for (const tag of ['billing', 'refund', 'vip']) assert.ok(ticketTags().includes(tag), `${tag} kept`);
    assert.equal(await panel.alerts.count(), 0);
  } finally {
    await ws.close();
  }
});

test('a change by another agent from the controls drawer reaches the open app', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    const controls = ws.page.getByRole('region', { name: 'Local Zendesk controls' });
    await controls.getByLabel('Tag for another agent').fill('from_colleague');
    await controls.getByRole('button', { name: 'Add tag as another agent' }).click();
    await waitForTag(panel, 'from_colleague');
    await controls.getByLabel('Tag for another agent').fill('refund');
    await controls.getByRole('button', { name: 'Remove tag as another agent' }).click();
    await waitForTag(panel, 'refund', false);
    assert.ok(!ticketTags().includes('refund'));
    // The app only read, it never wrote.
    assert.deepEqual(suite.local.zendesk.control.log().filter((e) => e.method !== 'GET'), []);
  } finally {
    await ws.close();
  }
});

test('a 429 with Retry-After, then success: the tag is saved without an error', async () => {
  const ws = await openWorkspace(suite.browser, suite.local, `/tickets/${SEED_IDS.openTicket}`);
  try {
    const panel = tagPanel(ws.app, 'Ticket tags');
    await waitForTag(panel, 'billing');
    // Armed through the controls drawer, as an engineer would.
    const controls = ws.page.getByRole('region', { name: 'Local Zendesk controls' });
    await controls.getByLabel('Failure').selectOption('429');
    await controls.getByLabel('Retry-After (seconds)').fill('1');
    await controls.getByRole('button', { name: 'Make next write fail' }).click();
    await controls.getByRole('status').getByText(/429/).waitFor();

    await panel.add('after_the_wait');
    await eventually(() => ticketTags().includes('after_the_wait'), 'tag saved after Retry-After', 15_000);
    await waitForTag(panel, 'after_the_wait');
    const writes = suite.local.zendesk.control.log().filter((e) => e.method !== 'GET');
    assert.equal(writes[0].status, 429);
    assert.ok(writes.some((e) => e.status >= 200 && e.status < 300));
    assert.equal(await panel.alerts.count(), 0);
    // The drawer's request log shows the refusal too.
    await controls.getByRole('table', { name: 'Request log' }).getByText('429', { exact: false }).first().waitFor();
  } finally {
    await ws.close();
  }
});
