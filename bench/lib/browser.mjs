// Browser figures: headless Debian chromium (playwright-core) loading the local agent
// workspace (dev/server.mjs), which embeds the built app, or the hello baseline, in an iframe
// from another origin and answers the ZAF protocol.
//
// A script injected into every frame watches, once per animation frame (i.e. just before
// each paint), for a "Remove tag …" button or a tag region in the app's frame, and notes the
// time (as an absolute high-resolution timestamp: performance.timeOrigin + now) and the JS
// heap (performance.memory, precise with --enable-precise-memory-info). Times are reported
// from the workspace page's navigation start and from the app frame's own navigation start.
import { existsSync } from 'node:fs';
import { createSeed } from '../../dev/zendesk/seed.mjs';
import { createZendesk } from '../../dev/zendesk/store.mjs';
import { serveFile, startLocalZendesk } from '../../dev/server.mjs';
import { CHROMIUM as E2E_CHROMIUM, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../../e2e/lib/harness.mjs';

// The e2e suite's browser and flags, plus precise heap figures for the memory row.
export const CHROMIUM = E2E_CHROMIUM;
export const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--enable-precise-memory-info'];

/** Ticket id the bench adds to the seed, with `BIG_TAGS` tags. */
export const BIG_TICKET = 901;
export const BIG_TAGS = 1000;

const WATCHER = `(() => {
  const inApp = /[?&]app_guid=/.test(location.search) || /[?&]app_guid=/.test(location.hash);
  if (!inApp) return;
  const SEL = 'button[aria-label^="Remove tag "]';
  const REGION = /^(Ticket|User|Organization) tags$/;
  const out = { first: null, firstHeap: null, count: 0, countAt: null, frames: 0 };
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
    iqr: quartiles(list.map((r) => r.ms)),
    inFrameMs: median(list.map((r) => r.inFrameMs)),
    inFrameIqr: quartiles(list.map((r) => r.inFrameMs)),
    heap: median(list.map((r) => r.heap)),
    samples: list.map((r) => Math.round(r.ms)),
    inFrameSamples: list.map((r) => Math.round(r.inFrameMs)),
  };
}

function benchSeed() {
  const seed = createSeed();
  const tags = Array.from({ length: BIG_TAGS }, (_, i) => `bulk_${String(i).padStart(4, '0')}`);
  seed.tickets.push({ ...seed.tickets[0], id: BIG_TICKET, subject: 'Bench: a ticket with many tags', tags });
  return seed;
}

/**
 * @param {{ helloDir?: string, runs?: number, log?: (s: string) => void }} options
 */
export async function measureBrowser({ helloDir, runs = 11, log = () => {} } = {}) {
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

  /** One cold load (new context): ms from navigation start to tags painted, etc. */
  async function load(hash, { hello = false, quietMs = 0, timeoutMs = 20_000 } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript({ content: WATCHER });
      const page = await context.newPage();
      const query = new URLSearchParams({ controls: 'closed', ...(hello ? { app: '/bench-hello/index.html' } : {}) });
      zendesk.control.clearLog();
      await page.goto(`${local.workspaceUrl}?${query}#${hash}`, { waitUntil: 'commit' });
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
      return {
        ms: found.first - top,
        inFrameMs: found.first - frameOrigin,
        heap: found.firstHeap,
        count: found.count,
        countMs: found.countAt - top,
        countInFrameMs: found.countAt - frameOrigin,
        requests: requests.map((e) => `${e.method} ${e.path}`),
      };
    } finally {
      await context.close();
    }
  }

  try {
    // One warm-up load of each (the server's and the browser's own first-time costs).
    await load('/tickets/1');
    if (helloDir) await load('/tickets/1', { hello: true });
    const app = [];
    const hello = [];
    for (let i = 0; i < runs; i++) {
      app.push(await load('/tickets/1'));
      if (helloDir) hello.push(await load('/tickets/1', { hello: true }));
      log(`  load ${i + 1}/${runs}: app ${app.at(-1).ms.toFixed(0)} ms${helloDir ? `, hello ${hello.at(-1).ms.toFixed(0)} ms` : ''}`);
    }
    const openings = {};
    for (const [kind, hash] of [['ticket', '/tickets/1'], ['user', '/users/101'], ['organization', '/organizations/201']]) {
      const r = await load(hash, { quietMs: 2000 });
      openings[kind] = r.requests;
    }
    const big = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) big.push(await load(`/tickets/${BIG_TICKET}`, { quietMs: 1500 }));
    return {
      version,
      runs,
      app: summary(app),
      hello: helloDir ? summary(hello) : null,
      openings,
      big: { tags: BIG_TAGS, shown: median(big.map((r) => r.count)), firstMs: median(big.map((r) => r.ms)), allMs: median(big.map((r) => r.countMs)), allInFrameMs: median(big.map((r) => r.countInFrameMs)) },
    };
  } finally {
    await browser.close().catch(() => {});
    await local.close();
  }
}
