// Shared helpers for the browser tests: local Zendesk on free ports, Debian chromium through
// playwright-core, opening a workspace view, reaching the app's frame.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe } from 'node:test';
import { chromium } from 'playwright-core';
import { startLocalZendesk, serveFile } from '../../dev/server.mjs';
import { sdkBundle } from './sdk.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesDir = path.join(root, 'e2e', 'fixtures');
export const artifactsDir = path.join(root, 'e2e', 'artifacts');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long UI expectations wait (the machine has 2 cores and runs two test files at once). */
export const UI_TIMEOUT = 10_000;

/**
 * The app origin also serves /fixtures/* (e2e/fixtures) and /fixtures/zaf-sdk.js (the real SDK).
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
async function fixtureRoutes(req, res) {
  const url = new URL(req.url ?? '/', 'http://local');
  if (url.pathname === '/fixtures/zaf-sdk.js') {
    const body = await sdkBundle();
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
  if (url.pathname.startsWith('/fixtures/')) {
    await serveFile(req, res, fixturesDir, url.pathname.slice('/fixtures/'.length));
    return true;
  }
  return false;
}

/** Starts the workspace, the local API and the app server on free ports. */
export function startServers(options = {}) {
  return startLocalZendesk({ hostPort: 0, appPort: 0, quiet: true, appRoutes: fixtureRoutes, ...options });
}

/**
 * The two browsers the app must work in. 'refused': the default headless profile, which refuses
 * localStorage in the cross-site app frame (as browsers that block third-party cookies do).
 * 'allowed': a profile whose Default/Preferences turns that blocking off.
 */
export const BROWSER_MODES = /** @type {const} */ (['refused', 'allowed']);
const ALLOWING_PREFERENCES = { profile: { cookie_controls_mode: 0 } };
const VIEWPORT = { width: 1280, height: 860 };

/**
 * Launches Debian chromium. playwright-core gives every launch its own temporary profile
 * (a fresh --user-data-dir) and every context its own storage, so tests never share state.
 * With `storage: 'allowed'` every context is a persistent one on its own fresh user-data-dir
 * holding the allowing preferences.
 * @param {{ storage?: 'refused' | 'allowed' }} [options]
 */
export async function launchBrowser({ storage = 'refused' } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  if (storage === 'allowed') {
    const open = new Set();
    return {
      browser: undefined,
      storage,
      /** A fresh persistent context (own profile directory) for one test. */
      async newContext(opts = {}) {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'tagwise-profile-'));
        await mkdir(path.join(dir, 'Default'), { recursive: true });
        await writeFile(path.join(dir, 'Default', 'Preferences'), JSON.stringify(ALLOWING_PREFERENCES));
        const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: VIEWPORT, ...opts });
        open.add(context);
        context.once('close', () => {
          open.delete(context);
          void rm(dir, { recursive: true, force: true }).catch(() => {});
        });
        return context;
      },
      async close() {
        await Promise.all([...open].map((context) => context.close().catch(() => {})));
      },
    };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    storage,
    /** A fresh, isolated context (own localStorage) for one test. */
    newContext(opts = {}) {
      return browser.newContext({ viewport: VIEWPORT, ...opts });
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/**
 * Opens the workspace on a view.
 * @param {{ newContext: Function }} browser
 * @param {{ workspaceUrl: string }} local
 * @param {string} view e.g. '/tickets/1'
 * @param {{ app?: string, locale?: string, settings?: Record<string, unknown>, beforeGoto?: (context: import('playwright-core').BrowserContext) => Promise<unknown> }} [opts]
 *   app: a path on the app origin to load instead of the app; settings: the app's installation settings by name;
 *   beforeGoto: e.g. routes to set up before anything loads
 */
export async function openWorkspace(browser, local, view, opts = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const params = new URLSearchParams();
  if (opts.app) params.set('app', opts.app);
  if (opts.locale) params.set('locale', opts.locale);
  // The app's installation settings (manifest parameters by name), as an admin would set them.
  if (opts.settings) params.set('settings', JSON.stringify(opts.settings));
  const query = params.toString() ? `?${params}` : '';
  if (opts.beforeGoto) await opts.beforeGoto(context);
  await page.goto(`${local.workspaceUrl}${query}#${view}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: UI_TIMEOUT });
  return {
    context,
    page,
    dialogs,
    errors,
    /** The active app iframe, as a FrameLocator. */
    app: appFrame(page),
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/** The visible app instance's frame (inactive instances are titled "Tagwise (inactive)"). */
export function appFrame(page) {
  return page.frameLocator('iframe[title="Tagwise"]');
}

/** The active app iframe as a Frame (for evaluate), once it loaded. */
export async function activeFrame(page) {
  const handle = await page.waitForSelector('iframe[title="Tagwise"]', { timeout: UI_TIMEOUT });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** Waits until `check()` returns a truthy value (polling), or throws with `what`. */
export async function eventually(check, what = 'condition', timeout = UI_TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function ensureArtifacts() {
  await mkdir(artifactsDir, { recursive: true });
  return artifactsDir;
}

/**
 * The app's tag panel for one record, by its accessible name ("Ticket tags", "User tags",
 * "Organization tags", "Requester tags"...).
 * @param {import('playwright-core').FrameLocator} app
 * @param {string} name
 */
export function tagPanel(app, name) {
  const region = app.getByRole('region', { name, exact: true });
  return {
    region,
    input: region.getByRole('combobox', { name: 'Add tags' }),
    removeButton: (tag) => region.getByRole('button', { name: `Remove tag ${tag}`, exact: true }),
    alerts: region.getByRole('alert'),
    /** Names of the removable tags on screen, in order. */
    async removableTags() {
      // The first paint shows the tags before the panel takes over; read the panel's own list.
      await app.locator('[data-tagwise-first-paint] .tw-first-panel').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      // Between the two the panel may still be loading (its region not there yet, or no list):
      // wait for its list, or its "no tags" line, before reading.
      await region.getByRole('grid', { name: 'Tags' }).or(region.getByText('No tags yet')).first().waitFor({ timeout: UI_TIMEOUT });
      return region
        .getByRole('button', { name: /^Remove tag / })
        .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Remove tag /, '')));
    },
    /** Visible text of each tag item. */
    async tagTexts() {
      return region.getByRole('grid', { name: 'Tags' }).first().getByRole('row').allInnerTexts();
    },
    /** Types into "Add tags" and presses Enter. */
    async add(text) {
      await this.input.click();
      await this.input.fill(text);
      await this.input.press('Enter');
    },
  };
}

/** Waits until `tag` is (or is not) shown with its remove button. */
export async function waitForTag(panel, tag, present = true, timeout = UI_TIMEOUT) {
  await panel.removeButton(tag).waitFor({ state: present ? 'visible' : 'detached', timeout });
}

/** The browser mode of this run: TAGWISE_E2E_STORAGE, 'refused' when unset. */
export function defaultStorage() {
  const mode = process.env.TAGWISE_E2E_STORAGE ?? 'refused';
  if (!BROWSER_MODES.includes(/** @type {any} */ (mode))) throw new Error(`TAGWISE_E2E_STORAGE must be one of ${BROWSER_MODES.join(', ')}, not ${mode}`);
  return /** @type {'refused' | 'allowed'} */ (mode);
}

/**
 * The setup every browser test file shares: one local Zendesk and one browser for the file,
 * the data reset before each test. Read `suite.local` and `suite.browser` inside tests.
 */
export function workspaceSuite(options = {}) {
  // e2e/run.mjs runs every file once per browser mode through TAGWISE_E2E_STORAGE; a file that
  // names its mode (sync-*.allowed.e2e.mjs) keeps it.
  const { storage = defaultStorage(), ...serverOptions } = options;
  const suite = { local: undefined, browser: undefined, storage };
  before(async () => {
    [suite.local, suite.browser] = await Promise.all([startServers(serverOptions), launchBrowser({ storage })]);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.local?.close();
  });
  beforeEach(() => suite.local.zendesk.control.reset());
  return suite;
}

/**
 * Defines a file's tests once per browser mode, each mode in its own `describe` with its own
 * servers and browser: `inBothBrowserModes((suite, storage) => { test(...) })`.
 */
export function inBothBrowserModes(define, options = {}) {
  for (const storage of BROWSER_MODES) {
    describe(`storage ${storage}`, () => {
      define(workspaceSuite({ ...options, storage }), storage);
    });
  }
}
