// The workspace's host side of ZAF, proven against the REAL SDK (not the app): a fixture
// page from the app origin loads node_modules/zendesk_app_framework_sdk and calls it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_IDS } from '../dev/zendesk/seed.mjs';
import { workspaceSuite, openWorkspace, activeFrame, eventually } from './lib/harness.mjs';

const FIXTURE = '/fixtures/protocol.html';

const suite = workspaceSuite();

/** Opens the fixture in a view and waits for the SDK's handshake to complete. */
async function openFixture(view) {
  const ws = await openWorkspace(suite.browser, suite.local, view, { app: FIXTURE });
  const frame = await activeFrame(ws.page);
  await frame.waitForFunction(() => document.getElementById('status')?.textContent === 'registered');
  return { ...ws, frame };
}

test('handshake: init() gets a client, context and metadata come from zaf.app.registered', async () => {
  const { frame, page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    assert.equal(await frame.evaluate(() => window.initResult), 'object');
    const context = await frame.evaluate(() => window.fixture.context());
    assert.equal(context.ok, true);
    assert.equal(context.value.product, 'support');
    assert.equal(context.value.location, 'ticket_sidebar');
    assert.equal(context.value.ticketId, SEED_IDS.openTicket);
    assert.deepEqual(context.value.account, { subdomain: 'tagwise-local' });
    const guid = new URL(frame.url()).searchParams.get('app_guid');
    assert.equal(context.value.instanceGuid, guid);
    // the iframe URL carries the host origin, as Zendesk's does
    assert.equal(new URL(frame.url()).searchParams.get('origin'), new URL(page.url()).origin);
    assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'app must come from another origin');

    const metadata = await frame.evaluate(() => window.fixture.metadata());
    assert.equal(metadata.ok, true);
    assert.equal(metadata.value.name, 'Tagwise');
    assert.equal(typeof metadata.value.version, 'string');
    const registered = await frame.evaluate(() => window.fixture.registeredContext());
    assert.equal(registered.context.ticketId, SEED_IDS.openTicket);
  } finally {
    await close();
  }
});

test('get: values from the agent screen, unknown paths in result.errors, single path rejects', async () => {
  const { frame, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    const snap = suite.local.zendesk.control.snapshot();
    const ticket = snap.tickets[SEED_IDS.openTicket];
    const many = await frame.evaluate(() =>
      window.fixture.get([
        'ticket.id',
        'ticket.tags',
        'ticket.updatedAt',
        'ticket.status',
        'ticket.requester',
        'ticket.organization',
        'currentUser.locale',
        'currentUser',
        'currentAccount.subdomain',
        'ticket.nope',
      ]),
    );
    assert.equal(many.ok, true);
    const v = many.value;
    assert.equal(v['ticket.id'], SEED_IDS.openTicket);
    assert.deepEqual(v['ticket.tags'], ticket.tags);
    assert.equal(v['ticket.updatedAt'], ticket.updated_at);
    assert.equal(v['ticket.status'], 'open');
    assert.equal(v['ticket.requester'].id, ticket.requester_id);
    assert.deepEqual(v['ticket.requester'].tags, snap.users[ticket.requester_id].tags);
    assert.equal(v['ticket.organization'].id, ticket.organization_id);
    assert.equal(v['currentUser.locale'], 'en');
    assert.equal(typeof v.currentUser.id, 'number');
    assert.equal(v['currentAccount.subdomain'], 'tagwise-local');
    assert.deepEqual(Object.keys(v.errors), ['ticket.nope']);
    assert.equal(typeof v.errors['ticket.nope'].name, 'string');
    assert.equal(typeof v.errors['ticket.nope'].message, 'string');
    assert.equal('ticket.nope' in v, false);

    // A single unknown path rejects with an Error built from result.errors[path].
    const single = await frame.evaluate(() => window.fixture.get('user.tags'));
    assert.equal(single.ok, false);
    assert.equal(single.error.isError, true);
    assert.match(single.error.message, /user\.tags/);

    // Paths of another location are not there in the ticket sidebar either; a ticket without
    // organization answers null.
    const none = await openFixture(`/tickets/${SEED_IDS.noOrgTicket}`);
    try {
      const org = await none.frame.evaluate(() => window.fixture.get('ticket.organization'));
      assert.deepEqual(org, { ok: true, value: { errors: {}, 'ticket.organization': null } });
    } finally {
      await none.close();
    }
  } finally {
    await close();
  }
});

test('user and organization sidebars: context ids and their own paths', async () => {
  const user = await openFixture(`/users/${SEED_IDS.endUser}`);
  try {
    const ctx = await user.frame.evaluate(() => window.fixture.context());
    assert.equal(ctx.value.location, 'user_sidebar');
    assert.equal(ctx.value.userId, SEED_IDS.endUser);
    const got = await user.frame.evaluate(() => window.fixture.get(['user.id', 'user.tags', 'user.organizations', 'ticket.tags']));
    assert.equal(got.value['user.id'], SEED_IDS.endUser);
    assert.deepEqual(got.value['user.tags'], ['vip_contact', 'newsletter']);
    assert.equal(got.value['user.organizations'][0].id, SEED_IDS.organization);
    assert.ok(got.value.errors['ticket.tags'], 'ticket.* is not available in the user sidebar');
  } finally {
    await user.close();
  }
  const org = await openFixture(`/organizations/${SEED_IDS.organization}`);
  try {
    const ctx = await org.frame.evaluate(() => window.fixture.context());
    assert.equal(ctx.value.location, 'organization_sidebar');
    assert.equal(ctx.value.organizationId, SEED_IDS.organization);
    const got = await org.frame.evaluate(() => window.fixture.get(['organization.id', 'organization.tags']));
    assert.deepEqual(got.value['organization.tags'], ['enterprise', 'vip']);
  } finally {
    await org.close();
  }
});

test('invoke: resize sizes the iframe; notify shows a toast; unknown actions reject', async () => {
  const { frame, page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    const resized = await frame.evaluate(() => window.fixture.invoke('resize', { width: '100%', height: '234px' }));
    assert.equal(resized.ok, true);
    await eventually(
      async () => (await page.locator('iframe[title="Tagwise"]').evaluate((el) => el.getBoundingClientRect().height)) === 234,
      'iframe height 234px',
    );
    const notified = await frame.evaluate(() => window.client.invoke('notify', 'Saved from the fixture', 'notice').then(() => 'ok'));
    assert.equal(notified, 'ok');
    await page.getByRole('status', { name: 'Notifications' }).getByText('Saved from the fixture').waitFor();
    const unknown = await frame.evaluate(() => window.fixture.invoke('ticket.explode', 'now'));
    assert.equal(unknown.ok, false);
    assert.match(unknown.error.message, /ticket\.explode/);
  } finally {
    await close();
  }
});
