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

test('events: on() registers; changes by another agent push ticket.tags.changed and ticket.updated', async () => {
  const { frame, page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    await frame.evaluate(() => {
      window.fixture.listen('ticket.tags.changed');
      window.fixture.listen('ticket.updated');
    });
    await eventually(
      () =>
        page.evaluate(() => {
          const instance = [...window.__zafHost.instances.values()].find((i) => i.active);
          return instance.subscriptions.has('ticket.tags.changed') && instance.subscriptions.has('ticket.updated');
        }),
      'iframe.on registrations',
    );
    suite.local.zendesk.control.act({ kind: 'ticket', id: SEED_IDS.openTicket, add: ['from_elsewhere'] });
    const events = await eventually(async () => {
      const list = await frame.evaluate(() => window.fixture.events());
      return list.length >= 2 ? list : null;
    }, 'two events');
    const tagsEvent = events.find((e) => e.name === 'ticket.tags.changed');
    assert.ok(tagsEvent.data.includes('from_elsewhere'));
    assert.ok(events.some((e) => e.name === 'ticket.updated'));

    // The fixture's own write through client.request pushes nothing.
    const before = (await frame.evaluate(() => window.fixture.events())).length;
    const own = await frame.evaluate((id) =>
      window.fixture.request({ url: `/api/v2/tickets/${id}/tags.json`, type: 'PUT', contentType: 'application/json', data: JSON.stringify({ tags: ['mine'] }) }),
    SEED_IDS.openTicket);
    assert.equal(own.ok, true);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await frame.evaluate(() => window.fixture.events())).length, before);
  } finally {
    await close();
  }
});

test('app.activated / app.deactivated when the agent switches tabs', async () => {
  const { frame, page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    await frame.evaluate(() => {
      window.fixture.listen('app.activated');
      window.fixture.listen('app.deactivated');
    });
    await eventually(async () => (await frame.evaluate(() => window.fixture.events())).some((e) => e.name === 'app.activated'), 'first activation');
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), SEED_IDS.noOrgTicket);
    await activeFrame(page);
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), SEED_IDS.openTicket);
    const events = await eventually(async () => {
      const list = await frame.evaluate(() => window.fixture.events());
      return list.filter((e) => e.name === 'app.activated').length >= 2 ? list : null;
    }, 'second activation');
    const names = events.map((e) => e.name);
    assert.deepEqual(names, ['app.activated', 'app.deactivated', 'app.activated']);
    assert.equal(events[0].data.firstLoad, true);
    assert.equal(events[2].data.firstLoad, false);
  } finally {
    await close();
  }
});

test('request: done values, complete responses, jqXHR-like failures, timeout, offline, 429 retry', async () => {
  const { frame, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  const control = suite.local.zendesk.control;
  const req = (options) => frame.evaluate((o) => window.fixture.request(o), options);
  const tagsUrl = `/api/v2/tickets/${SEED_IDS.openTicket}/tags.json`;
  try {
    // plain: the parsed JSON
    const plain = await req({ url: tagsUrl });
    assert.equal(plain.ok, true);
    assert.ok(Array.isArray(plain.value.tags));

    // complete response
    const complete = await req({ url: tagsUrl, httpCompleteResponse: true });
    assert.equal(complete.value.status, 200);
    assert.deepEqual(complete.value.responseJSON, plain.value);
    assert.equal(JSON.parse(complete.value.responseText).tags.length, plain.value.tags.length);
    assert.match(complete.value.headers['content-type'], /json/);

    // a write with a JSON body, through the absolute subdomain URL
    const put = await req({
      url: `https://tagwise-local.zendesk.com${tagsUrl}`,
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({ tags: ['from_fixture'] }),
    });
    assert.equal(put.ok, true);
    assert.ok(put.value.tags.includes('from_fixture'));
    assert.ok(control.snapshot().tickets[SEED_IDS.openTicket].tags.includes('from_fixture'));

    // non-2xx: rejects with a jqXHR-like object
    const missing = await req({ url: '/api/v2/tickets/999999/tags.json' });
    assert.equal(missing.ok, false);
    assert.equal(missing.error.status, 404);
    assert.equal(typeof missing.error.statusText, 'string');
    assert.equal(typeof missing.error.responseText, 'string');
    assert.equal(missing.error.responseJSON.error, 'RecordNotFound');

    control.failNext({ status: 500 });
    const failed = await req({ url: tagsUrl, type: 'PUT', contentType: 'application/json', data: '{"tags":["x"]}', httpCompleteResponse: true });
    assert.equal(failed.ok, false);
    assert.equal(failed.error.status, 500);

    // timeout: status 0, statusText 'timeout'
    control.failNext({ kind: 'timeout' });
    const started = Date.now();
    const timedOut = await req({ url: tagsUrl, type: 'PUT', contentType: 'application/json', data: '{"tags":["x"]}', timeout: 700 });
    assert.equal(timedOut.ok, false);
    assert.equal(timedOut.error.status, 0);
    assert.equal(timedOut.error.statusText, 'timeout');
    assert.ok(Date.now() - started < 5000);

    // offline: no answer at all
    control.setOffline(true);
    const offline = await req({ url: tagsUrl });
    control.setOffline(false);
    assert.equal(offline.ok, false);
    assert.equal(offline.error.status, 0);

    // 429 with autoRetry false: the app sees it, with Retry-After
    control.failNext({ status: 429, retryAfter: 1 });
    const limited = await req({ url: tagsUrl, type: 'PUT', contentType: 'application/json', data: '{"tags":["y"]}', autoRetry: false, httpCompleteResponse: true });
    assert.equal(limited.ok, false);
    assert.equal(limited.error.status, 429);
    assert.equal(limited.error.headers['retry-after'], '1');

    // 429 with autoRetry (default): the host waits Retry-After once and retries silently
    control.failNext({ status: 429, retryAfter: 1 });
    const t0 = Date.now();
    const retried = await req({ url: tagsUrl, type: 'PUT', contentType: 'application/json', data: '{"tags":["z"]}' });
    assert.equal(retried.ok, true, JSON.stringify(retried));
    assert.ok(retried.value.tags.includes('z'));
    assert.ok(Date.now() - t0 >= 900, 'waited for Retry-After');
  } finally {
    await close();
  }
});

test('the host ignores frames that are not its app instances', async () => {
  const { page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    const answered = await page.evaluate(
      (origin) =>
        new Promise((resolve) => {
          // A frame from the workspace's own origin (not the app origin) tries to talk to the host.
          const rogue = document.createElement('iframe');
          rogue.srcdoc = `<script>
            window.addEventListener('message', () => parent.postMessage('answered', '*'));
            parent.postMessage(JSON.stringify({ key: 'iframe.handshake', message: { version: '2.0.9' }, appGuid: 'x', instanceGuid: 'x' }), '*');
          <\/script>`;
          window.addEventListener('message', (e) => {
            if (e.data === 'answered') resolve(true);
          });
          document.body.appendChild(rogue);
          setTimeout(() => resolve(false), 800);
        }),
      suite.local.appOrigin,
    );
    assert.equal(answered, false);
  } finally {
    await close();
  }
});
