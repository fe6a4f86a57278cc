// The workspace's host side of ZAF, proven against the REAL SDK (not the app): events,
// instances talking to each other, requests, foreign frames. In its own file so that each
// file stays well under the runner's per-file limit on a busy machine.
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

test('instances: get("instances") lists both app instances, instance(guid).trigger reaches the other one only', async () => {
  const { page, close } = await openFixture(`/tickets/${SEED_IDS.openTicket}`);
  try {
    const first = await activeFrame(page);
    await first.evaluate(() => window.fixture.listen('tagwise.hello'));
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), SEED_IDS.noOrgTicket);
    await eventually(async () => (await page.locator('iframe.app-frame').count()) === 2, 'a second app instance');
    const second = await activeFrame(page);
    await second.waitForFunction(() => document.getElementById('status')?.textContent === 'registered');
    await second.evaluate(() => window.fixture.listen('tagwise.hello'));
    const guidOf = (frame) => new URL(frame.url()).searchParams.get('app_guid');
    const listed = await second.evaluate(() => window.fixture.get('instances'));
    assert.equal(listed.ok, true);
    const instances = listed.value.instances;
    assert.deepEqual(Object.keys(instances).sort(), [guidOf(first), guidOf(second)].sort());
    assert.equal(instances[guidOf(first)].ticketId, SEED_IDS.openTicket);
    assert.equal(instances[guidOf(second)].location, 'ticket_sidebar');
    await second.evaluate((guid) => window.client.instance(guid).trigger('tagwise.hello', { from: 'second' }), guidOf(first));
    const got = await eventually(async () => {
      const list = await first.evaluate(() => window.fixture.events());
      return list.length > 0 ? list : null;
    }, 'the message in the first instance');
    assert.deepEqual(got, [{ name: 'tagwise.hello', data: { from: 'second' } }]);
    assert.deepEqual(await second.evaluate(() => window.fixture.events()), []);
  } finally {
    await close();
  }
});
