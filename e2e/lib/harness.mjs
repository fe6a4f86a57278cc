// Shared helpers for the browser tests: local Zendesk on free ports, Debian chromium through
// playwright-core, opening a workspace view, reaching the app's frame.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach } from 'node:test';
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
 * Launches Debian chromium. playwright-core gives every launch its own temporary profile
 * (a fresh --user-data-dir) and every context its own storage, so tests never share state.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    /** A fresh, isolated context (own localStorage) for one test. */
    newContext(opts = {}) {
      return browser.newContext({ viewport: { width: 1280, height: 860 }, ...opts });
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
 * @param {{ app?: string, locale?: string, settings?: Record<string, unknown> }} [opts] app: a path on the app origin to load instead of the app; settings: the app's installation settings by name
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
      return region
        .getByRole('button', { name: /^Remove tag / })
        .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? '').replace(/^Remove tag /, '')));
    },
    /** Visible text of each tag item. */
    async tagTexts() {
      return region.getByRole('list', { name: 'Tags' }).first().getByRole('listitem').allInnerTexts();
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

/**
 * The setup every browser test file shares: one local Zendesk and one browser for the file,
 * the data reset before each test. Read `suite.local` and `suite.browser` inside tests.
 */
export function workspaceSuite(options = {}) {
  const suite = { local: undefined, browser: undefined };
  before(async () => {
    [suite.local, suite.browser] = await Promise.all([startServers(options), launchBrowser()]);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.local?.close();
  });
  beforeEach(() => suite.local.zendesk.control.reset());
  return suite;
}
