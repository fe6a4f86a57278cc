// Browser figures: headless Debian chromium (playwright-core) loading the local agent
// workspace (dev/server.mjs), which embeds the built app, or the hello baseline, in an iframe
// from another origin and answers the ZAF protocol.
//
// A script injected into every frame watches, once per animation frame (i.e. just before
// each paint), for a "Remove tag …" button or a tag region in the app's frame, and notes the
// time (as an absolute high-resolution timestamp: performance.timeOrigin + now) and the JS
// heap (performance.memory, precise with --enable-precise-memory-info). Times are reported
// from the workspace page's navigation start and from the app frame's own navigation start.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSeed } from '../../dev/zendesk/seed.mjs';
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { serveFile, startLocalZendesk } from '../../dev/server.mjs';
import { CHROMIUM as E2E_CHROMIUM, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../../e2e/lib/harness.mjs';

// The e2e suite's browser and flags, plus precise heap figures for the memory row.
export const CHROMIUM = E2E_CHROMIUM;
export const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** Ticket id the bench adds to the seed, with `BIG_TAGS` tags. */
export const BIG_TICKET = 901;
export const BIG_TAGS = 1000;
/** The same ticket with 3 tags, to compare with. */
export const SMALL_TICKET = 902;
/** A ticket with 5,000 tags (one is removed) and an empty one (10,000 are pasted into it). */
export const HUGE_TICKET = 903;
export const PASTE_TICKET = 904;

const WATCHER = `(() => {
  const inApp = /[?&]app_guid=/.test(location.search) || /[?&]app_guid=/.test(location.hash);
  if (!inApp) return;
  const SEL = 'button[aria-label^="Remove tag "]';
  const REGION = /^(Ticket|User|Organization) tags$/;
  const out = { first: null, firstHeap: null, interactive: null, count: 0, countAt: null, enabled: 0, enabledAt: null, frames: 0 };
  window.__benchTags = out;
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const tick = () => {
    out.frames++;
    const now = performance.timeOrigin + performance.now();
    const buttons = document.querySelectorAll(SEL);
    let shown = false;
    for (const b of buttons) { if (visible(b)) { shown = true; break; } }
    if (!shown) {
      for (const el of document.querySelectorAll('[aria-label]')) {
        if (REGION.test(el.getAttribute('aria-label') || '') && el.getAttribute('aria-busy') !== 'true' && visible(el)) { shown = true; break; }
      }
    }
    if (shown && out.first === null) {
      out.first = now;
      out.firstHeap = performance.memory ? performance.memory.usedJSHeapSize : null;
    }
    if (buttons.length > out.count) { out.count = buttons.length; out.countAt = now; }
    // Interactive: remove buttons that take a press (the first paint's wait disabled).
    let enabled = 0;
    for (const b of buttons) if (!b.disabled) enabled++;
    if (enabled > 0 && out.interactive === null) { for (const b of buttons) { if (!b.disabled && visible(b)) { out.interactive = now; break; } } }
    if (enabled > out.enabled) { out.enabled = enabled; out.enabledAt = now; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

function median(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quartiles(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
  return [at(0.25), at(0.75)];
}

function summary(list) {
  return {
    ms: median(list.map((r) => r.ms)),
    interactiveMs: median(list.map((r) => r.interactiveMs)),
    iqr: quartiles(list.map((r) => r.ms)),
    inFrameMs: median(list.map((r) => r.inFrameMs)),
    inFrameIqr: quartiles(list.map((r) => r.inFrameMs)),
    heap: median(list.map((r) => r.heap)),
    samples: list.map((r) => Math.round(r.ms)),
    inFrameSamples: list.map((r) => Math.round(r.inFrameMs)),
  };
}

/** The seed plus the bench's own tickets (big, small, huge, to paste into). */
export function benchSeed() {
  const seed = createSeed();
  const tags = Array.from({ length: BIG_TAGS }, (_, i) => `bulk_${String(i).padStart(4, '0')}`);
  seed.tickets.push({ ...seed.tickets[0], id: BIG_TICKET, subject: 'Bench: a ticket with many tags', tags });
  seed.tickets.push({ ...seed.tickets[0], id: SMALL_TICKET, subject: 'Bench: a ticket with 3 tags', tags: tags.slice(0, 3) });
  const huge = Array.from({ length: 5000 }, (_, i) => `huge_${String(i).padStart(4, '0')}`);
  seed.tickets.push({ ...seed.tickets[0], id: HUGE_TICKET, subject: 'Bench: a ticket with 5,000 tags', tags: huge });
  seed.tickets.push({ ...seed.tickets[0], id: PASTE_TICKET, subject: 'Bench: a ticket to paste into', tags: [] });
  return seed;
}

const kindOfPath = (p) =>
  /^\/api\/v2\/tags(\.json)?$/.test(p) ? 'popular' : p.includes('/ticket_fields') ? 'fields' : p.includes('/account/settings') ? 'settings' : p.includes('/autocomplete/') ? 'autocomplete' : 'other';

/**
 * One agent session in the local workspace: `openings` ticket openings, each a new app
 * instance (the previous ticket's tab is closed first, the worst case for sharing between
 * tabs), in which the agent types "onboarding" into Add tags (suggestions: popular tags,
 * autocomplete; ticket fields load when the agent reaches for the panel). Counts the app's
 * requests from the local API's log. Storage refused is this Chromium's default for the
 * cross-site app frame; allowed is a profile with third-party cookies on.
 * @param {import('playwright-core').BrowserType} chromium @param {any} zendesk @param {string} workspaceUrl
 */
export async function measureSessionInBrowser(chromium, zendesk, workspaceUrl, { storageAllowed = false, openings = 20, log = () => {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tagwise-bench-profile-'));
  if (storageAllowed) {
    mkdirSync(path.join(dir, 'Default'), { recursive: true });
    writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  }
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    zendesk.control.clearLog();
    const tickets = [1, 2, 4, 5];
    let previous = null;
    let storageSeen = null;
    for (let i = 0; i < openings; i++) {
      const id = tickets[i % tickets.length];
      if (i === 0) await page.goto(`${workspaceUrl}?controls=closed#/tickets/${id}`);
      else {
        // Close the previous ticket's tab (its iframe and app instance go away).
        await page.evaluate((key) => window.__zafHost.unmount(key), previous);
        await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), id);
      }
      previous = `ticket:${id}`;
      const app = page.frameLocator('iframe[title="Tagwise"]');
      const field = app.getByRole('region', { name: 'Ticket tags' }).getByRole('combobox', { name: /^Add tags/ });
      await field.waitFor({ timeout: 20_000 });
      await field.click();
      await field.pressSequentially('onboarding', { delay: 40 });
      await page.waitForTimeout(800);
      await field.fill('');
      if (storageSeen === null) {
        const frame = page.frames().find((f) => f !== page.mainFrame() && /app_guid=/.test(f.url()) && !f.isDetached());
        storageSeen = frame ? await frame.evaluate(() => { try { localStorage.setItem('probe', '1'); return true; } catch { return false; } }).catch(() => null) : null;
      }
      log(`  session (storage ${storageAllowed ? 'allowed' : 'refused'}): opening ${i + 1}/${openings}`);
    }
    const entries = zendesk.control.log().filter((e) => e.actor === 'agent');
    const kinds = entries.map((e) => kindOfPath(e.path));
    const n = (k) => kinds.filter((x) => x === k).length;
    return { storageAllowed, storageSeen, openings, popular: n('popular'), fields: n('fields'), settings: n('settings'), autocomplete: n('autocomplete'), other: n('other'), calls: entries.map((e) => `${e.method} ${e.path}${e.query && Object.keys(e.query).length ? `?${new URLSearchParams(e.query)}` : ''}`) };
  } finally {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Longest main-thread task of the app frame since `since` (PerformanceObserver 'longtask'). */
const LONG_TASKS = `(() => {
  if (window.__benchLongTasks) return;
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
})()`;

async function appFrame(page) {
  const handle = await page.waitForSelector('iframe[title="Tagwise"]', { timeout: 20_000 });
  const frame = await handle.contentFrame();
  await frame.waitForSelector('button[aria-label^="Remove tag "]:not([disabled]), [role="combobox"]', { timeout: 30_000 });
  return frame;
}

/**
 * What a heap snapshot of the frame holds after a collection: compiled code apart from everything
 * else. `usedJSHeapSize` counts both, and V8 keeps compiling hot functions for hundreds of edits;
 * that is a bounded cache, while objects that pile up are a leak.
 */
async function retainedBySnapshot(cdp) {
  const chunks = [];
  const onChunk = (c) => chunks.push(c.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const out = { code: 0, objects: 0 };
  for (let i = 0; i < snap.nodes.length; i += width) {
    if (types[snap.nodes[i + typeAt]] === 'code') out.code += snap.nodes[i + sizeAt];
    else out.objects += snap.nodes[i + sizeAt];
  }
  return out;
}

/** The ticket's tag grid counts at least this many rows (windowed lists say it in aria-rowcount). */
const ROWS_AT_LEAST = (count) => {
  const grid = document.querySelector('section[aria-label="Ticket tags"] [role="grid"]');
  if (!grid) return false;
  const rows = Number(grid.getAttribute('aria-rowcount') ?? grid.querySelectorAll('[role="row"]').length);
  return rows >= count && !grid.querySelector('[data-state="saving"]');
};

/**
 * Big records in the app frame: paste 10,000 tags (longest frame the main thread was busy),
 * remove one tag of 5,000 (press to the frame where it is gone), and the JS heap (after a
 * garbage collection) before and after 1,000 edits on one ticket.
 */
export async function measureBigRecords(browser, workspaceUrl, { edits = 1000, log = () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Paste 10,000 tags into an empty ticket.
    await page.goto(`${workspaceUrl}?controls=closed#/tickets/${PASTE_TICKET}`);
    let frame = await appFrame(page);
    await frame.evaluate(LONG_TASKS);
    const words = Array.from({ length: 10_000 }, (_, i) => `pasted_${i}`).join(' ');
    const field = page.frameLocator('iframe[title="Tagwise"]').getByRole('region', { name: 'Ticket tags' }).getByRole('combobox', { name: /^Add tags/ });
    await field.click();
    const pasteStart = await frame.evaluate(() => performance.now());
    await page.keyboard.insertText(words);
    await page.keyboard.press('Enter');
    // A big record's list is windowed: the grid counts every row, the DOM holds those in view.
    const shown = await frame
      .waitForFunction(ROWS_AT_LEAST, 10_000, { timeout: 60_000, polling: 200 })
      .then(() => true, () => false);
    const paste = await frame.evaluate(({ since }) => {
      const tasks = window.__benchLongTasks.filter((t) => t.at >= since);
      const grid = document.querySelector('section[aria-label="Ticket tags"] [role="grid"]');
      return { longestMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0), longTasks: tasks.length, tookMs: performance.now() - since, rows: Number(grid?.getAttribute('aria-rowcount') ?? grid?.querySelectorAll('[role="row"]').length ?? 0), inDom: grid?.querySelectorAll('[role="row"]').length ?? 0 };
    }, { since: pasteStart });
    log(`  big records: 10,000 pasted, longest task ${paste.longestMs.toFixed(0)} ms`);

    // Remove one tag of 5,000.
    await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), HUGE_TICKET);
    frame = await appFrame(page);
    await frame.waitForFunction(ROWS_AT_LEAST, 5000, { timeout: 60_000, polling: 200 });
    await frame.waitForSelector('button[aria-label^="Remove tag huge_"]:not([disabled])', { timeout: 60_000 });
    const removals = [];
    for (const name of ['huge_2500', 'huge_0100', 'huge_4900']) {
      removals.push(
        await frame.evaluate(
          (name) =>
            new Promise((resolve, reject) => {
              const sel = `button[aria-label="Remove tag ${name}"]`;
              // Scroll the tag into view as an agent would, then time the press alone.
              const grid = document.querySelector('section[aria-label="Ticket tags"] [role="grid"]');
              const wanted = Number(name.slice('huge_'.length));
              const rows = Number(grid.getAttribute('aria-rowcount') ?? 1);
              const at = (row) => Number(row.dataset.tag.slice('huge_'.length));
              let tries = 0;
              const ready = () => {
                if (!document.querySelector(sel)) {
                  // Jump to where the tag should be, then half a view at a time towards it.
                  if (++tries > 600) return reject(new Error(`${name} never rendered (scrollTop ${grid.scrollTop})`));
                  const box = grid.getBoundingClientRect();
                  const inView = [...grid.querySelectorAll('[role="row"]')].filter((row) => {
                    const r = row.getBoundingClientRect();
                    return r.bottom > box.top && r.top < box.bottom;
                  });
                  if (tries === 1 || inView.length === 0) grid.scrollTop = (wanted / rows) * grid.scrollHeight - grid.clientHeight / 2;
                  else grid.scrollTop += (at(inView.at(-1)) < wanted ? 1 : -1) * (grid.clientHeight / 2);
                  requestAnimationFrame(ready);
                  return;
                }
                document.querySelector(sel).scrollIntoView({ block: 'center' });
                requestAnimationFrame(() => requestAnimationFrame(press));
              };
              const press = () => {
              const start = performance.now();
              document.querySelector(sel).click();
              const tick = () => (document.querySelector(sel) ? requestAnimationFrame(tick) : requestAnimationFrame(() => resolve(performance.now() - start)));
              tick();
              };
              ready();
            }),
          name,
        ),
      );
    }
    log(`  big records: removing one of 5,000: ${removals.map((v) => v.toFixed(0)).join(', ')} ms`);

    // 1,000 edits on ticket 1: add a tag, remove it, 500 times; the heap after a collection.
    await page.evaluate(() => (window.location.hash = '#/tickets/1'));
    frame = await appFrame(page);
    const heap = () => frame.evaluate(async () => {
      for (let i = 0; i < 3; i++) { window.gc?.(); await new Promise((r) => setTimeout(r, 50)); }
      return performance.memory.usedJSHeapSize;
    });
    const editField = page.frameLocator('iframe[title="Tagwise"]').getByRole('region', { name: 'Ticket tags' }).getByRole('combobox', { name: /^Add tags/ });
    const cycle = async (i) => {
      await editField.fill(`edit_${i}`);
      await editField.press('Enter');
      const remove = page.frameLocator('iframe[title="Tagwise"]').getByRole('button', { name: `Remove tag edit_${i}` });
      await remove.click();
      await remove.waitFor({ state: 'detached' });
    };
    // Warm up (first use of every code path), then measure.
    for (let i = 0; i < 20; i++) await cycle(`warm${i}`);
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(frame);
    await cdp.send('HeapProfiler.enable');
    const retainedBefore = await retainedBySnapshot(cdp);
    const before = await heap();
    for (let i = 0; i < edits / 2; i++) {
      await cycle(i);
      if ((i + 1) % 100 === 0) log(`  big records: ${2 * (i + 1)} edits`);
    }
    await page.waitForTimeout(3000);
    const after = await heap();
    const retainedAfter = await retainedBySnapshot(cdp);
    return {
      paste: { ...paste, shown },
      removals,
      removeMs: [...removals].sort((a, b) => a - b)[1],
      heap: {
        before,
        after,
        growth: after - before,
        edits,
        objectsGrowth: retainedAfter.objects - retainedBefore.objects,
        codeGrowth: retainedAfter.code - retainedBefore.code,
      },
    };
  } finally {
    await context.close();
  }
}

/**
 * @param {{ helloDir?: string, runs?: number, rounds?: number, log?: (s: string) => void }} options
 */
export async function measureBrowser({ helloDir, runs = 25, rounds = 3, log = () => {} } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');
  const zendesk = createZendesk({ seed: benchSeed() });
  const local = await startLocalZendesk({
    hostPort: 0,
    appPort: 0,
    quiet: true,
    zendesk,
    appRoutes: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://local');
      if (!helloDir || !url.pathname.startsWith('/bench-hello/')) return false;
      await serveFile(req, res, helloDir, url.pathname.slice('/bench-hello/'.length));
      return true;
    },
  });
  // playwright gives the browser a fresh temporary profile (its --user-data-dir) and removes it.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const version = browser.version();

  /** A new browser context (a cold session) with the watcher in every frame, on the workspace at `hash`. */
  async function openSession(hash, hello) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript({ content: WATCHER });
      const page = await context.newPage();
      const query = new URLSearchParams({ controls: 'closed', ...(hello ? { app: '/bench-hello/index.html' } : {}) });
      await page.goto(`${local.workspaceUrl}?${query}#${hash}`, { waitUntil: 'commit' });
      return { context, page };
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /** One cold load (new context): ms from navigation start to tags painted, etc. */
  async function load(hash, { hello = false, quietMs = 0, timeoutMs = 20_000 } = {}) {
    zendesk.control.clearLog();
    const { context, page } = await openSession(hash, hello);
    try {
      const top = await page.evaluate(() => performance.timeOrigin);
      const end = Date.now() + timeoutMs;
      let found = null;
      let frameOrigin = null;
      while (Date.now() < end) {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const got = await frame.evaluate(() => (window.__benchTags ? { ...window.__benchTags, origin: performance.timeOrigin } : null)).catch(() => null);
          if (got && got.first !== null) {
            found = got;
            frameOrigin = got.origin;
          }
        }
        if (found) break;
        await page.waitForTimeout(20);
      }
      if (!found) throw new Error(`no tags painted within ${timeoutMs} ms at #${hash}${hello ? ' (hello)' : ''}`);
      if (quietMs) {
        await page.waitForTimeout(quietMs);
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const got = await frame.evaluate(() => window.__benchTags ?? null).catch(() => null);
          if (got && got.first !== null) found = { ...found, ...got };
        }
      }
      const requests = zendesk.control.log().filter((e) => e.actor === 'agent');
      if (found.interactive === null) {
        // Tags painted before the panel took over: wait for the panel too.
        while (Date.now() < end) {
          for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            const got = await frame.evaluate(() => window.__benchTags ?? null).catch(() => null);
            if (got && got.first !== null) found = { ...found, ...got };
          }
          if (found.interactive !== null || found.count === 0) break;
          await page.waitForTimeout(20);
        }
      }
      return {
        ms: found.first - top,
        interactiveMs: (found.interactive ?? NaN) - top,
        inFrameMs: found.first - frameOrigin,
        heap: found.firstHeap,
        count: found.count,
        countMs: found.countAt - top,
        countInFrameMs: found.countAt - frameOrigin,
        enabled: found.enabled,
        enabledMs: found.enabledAt - top,
        requests: requests.map((e) => `${e.method} ${e.path}`),
      };
    } finally {
      await context.close();
    }
  }

  /**
   * A later ticket of a running session: the workspace is open on ticket 2 (its app, and for
   * the app its background location, already running), then the agent opens ticket 1. Ms from
   * that navigation (the hash change) to its tags painted. Both sides find their files in the
   * session's HTTP cache, as a second ticket does.
   */
  async function loadLater({ hello = false, timeoutMs = 20_000 } = {}) {
    const { context, page } = await openSession('/tickets/2', hello);
    try {
      const painted = async (frames) => {
        for (const frame of frames) {
          const got = await frame.evaluate(() => (window.__benchTags && window.__benchTags.first !== null ? window.__benchTags.first : null)).catch(() => null);
          if (got !== null) return got;
        }
        return null;
      };
      const end = Date.now() + timeoutMs;
      while ((await painted(page.frames().filter((f) => f !== page.mainFrame()))) === null) {
        if (Date.now() > end) throw new Error(`no tags painted on the session's first ticket within ${timeoutMs} ms${hello ? ' (hello)' : ''}`);
        await page.waitForTimeout(20);
      }
      // Let the first ticket settle (its panel, the account lists, the background's answers).
      await page.waitForTimeout(1500);
      const before = new Set(page.frames());
      const start = await page.evaluate(() => {
        window.location.hash = '#/tickets/1';
        return performance.timeOrigin + performance.now();
      });
      while (Date.now() < end) {
        const first = await painted(page.frames().filter((f) => !before.has(f)));
        if (first !== null) return first - start;
        await page.waitForTimeout(20);
      }
      throw new Error(`no tags painted on the later ticket within ${timeoutMs} ms${hello ? ' (hello)' : ''}`);
    } finally {
      await context.close();
    }
  }

  try {
    // One warm-up load of each (the server's and the browser's own first-time costs).
    await load('/tickets/1');
    if (helloDir) await load('/tickets/1', { hello: true });
    // Interleaved, in pairs: each app load is compared with the hello load right after it,
    // so a busy moment of the machine weighs on both sides of one ratio.
    const perRound = [];
    for (let round = 0; round < rounds; round++) {
      const app = [];
      const hello = [];
      for (let i = 0; i < runs; i++) {
        app.push(await load('/tickets/1'));
        if (helloDir) hello.push(await load('/tickets/1', { hello: true }));
        log(`  round ${round + 1}/${rounds}, load ${i + 1}/${runs}: app ${app.at(-1).ms.toFixed(0)} ms (interactive ${app.at(-1).interactiveMs.toFixed(0)})${helloDir ? `, hello ${hello.at(-1).ms.toFixed(0)} ms` : ''}`);
      }
      perRound.push({
        app,
        hello,
        ratio: helloDir ? median(app.map((a, i) => a.ms / hello[i].ms)) : NaN,
        interactiveRatio: helloDir ? median(app.map((a, i) => a.interactiveMs / hello[i].ms)) : NaN,
      });
    }
    const app = perRound.flatMap((r) => r.app);
    const hello = perRound.flatMap((r) => r.hello);
    const later = { app: [], hello: [] };
    if (helloDir) {
      for (let i = 0; i < runs; i++) {
        later.app.push(await loadLater());
        later.hello.push(await loadLater({ hello: true }));
        log(`  later ticket ${i + 1}/${runs}: app ${later.app.at(-1).toFixed(0)} ms, hello ${later.hello.at(-1).toFixed(0)} ms`);
      }
    }
    const openings = {};
    for (const [kind, hash] of [['ticket', '/tickets/1'], ['user', '/users/101'], ['organization', '/organizations/201']]) {
      const r = await load(hash, { quietMs: 2000 });
      openings[kind] = r.requests;
    }
    const records = await measureBigRecords(browser, local.workspaceUrl, { log });
    const sessions = [];
    for (const storageAllowed of [false, true]) sessions.push(await measureSessionInBrowser(chromium, zendesk, local.workspaceUrl, { storageAllowed, log }));
    const big = [];
    const small = [];
    for (let i = 0; i < Math.max(5, Math.ceil(runs / 3)); i++) {
      big.push(await load(`/tickets/${BIG_TICKET}`, { quietMs: 1500 }));
      small.push(await load(`/tickets/${SMALL_TICKET}`, { quietMs: 1500 }));
    }
    return {
      version,
      runs,
      rounds: perRound.map((r) => ({ ratio: r.ratio, interactiveRatio: r.interactiveRatio })),
      app: summary(app),
      hello: helloDir ? summary(hello) : null,
      later: helloDir
        ? { appMs: median(later.app), helloMs: median(later.hello), ratio: median(later.app.map((a, i) => a / later.hello[i])), pairs: later.app.length }
        : null,
      openings,
      sessions,
      records,
      big: {
        tags: BIG_TAGS,
        shown: median(big.map((r) => r.count)),
        firstMs: median(big.map((r) => r.ms)),
        allMs: median(big.map((r) => r.countMs)),
        allInteractiveMs: median(big.map((r) => r.enabledMs)),
        smallAllMs: median(small.map((r) => r.countMs)),
        smallAllInteractiveMs: median(small.map((r) => r.enabledMs)),
        // Paired: each big load against the small load right after it.
        paintedAfterSmallMs: median(big.map((r, i) => r.countMs - small[i].countMs)),
        interactiveAfterSmallMs: median(big.map((r, i) => r.enabledMs - small[i].enabledMs)),
      },
    };
  } finally {
    await browser.close().catch(() => {});
    await local.close();
  }
}
