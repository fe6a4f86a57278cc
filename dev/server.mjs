// @ts-check
/**
 * Local Zendesk for development and browser tests: two servers on two origins, like the real
 * thing (Zendesk serves an app's assets from another origin than the agent workspace).
 *
 *   host server (default http://127.0.0.1:4580)
 *     /                      the agent workspace page (dev/workspace/index.html)
 *     /workspace/*           its script and styles
 *     /__config.json         where the app lives (the page builds the iframe URL from it)
 *     /api/v2/*, /__control/*  the local Zendesk API (dev/zendesk/http.mjs)
 *
 *   app server (default http://localhost:4581)
 *     /assets/*              the built app (assets/index.html and friends), never cached, except
 *                            the content-hashed files under build/, kept as a CDN keeps them
 *
 *   startLocalZendesk({ hostPort, appPort, host, quiet, assetsDir, zendesk, zendeskOptions, appRoutes })
 *     -> Promise<{ workspaceUrl, hostOrigin, appOrigin, appUrl, zendesk, close() }>
 *
 * Port 0 picks free ports (tests). `appRoutes(req, res) => boolean` lets tests serve extra
 * files (fixtures) from the app origin.
 *
 * Run standalone: `node dev/server.mjs` (no build step; `npm start` builds first).
 */
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZendesk } from './zendesk/store.mjs';
import { createZendeskHttpHandler } from './zendesk/http.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const workspaceDir = path.join(here, 'workspace');

export const SUBDOMAIN = 'tagwise-local';

/** @type {Record<string, string>} */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NO_CACHE = { 'cache-control': 'no-store, max-age=0' };
const IMMUTABLE = { 'cache-control': 'public, max-age=31536000, immutable' };
/** What vite writes: build/<name>-<8-character hash>.<js|css>. */
const HASHED_BUILD_FILE = /^build\/[\w.-]+-[\w-]{8}\.(?:js|css)$/;

/**
 * @param {http.ServerResponse} res @param {number} status @param {string} text
 */
function sendText(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...NO_CACHE });
  res.end(text);
}

/**
 * Serves one file from `dir` for the URL path `rel` (already stripped of its mount prefix).
 * Refuses anything that escapes `dir`. Answers 404 when missing.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} dir @param {string} rel
 * @param {Record<string, string>} [extraHeaders]
 */
export async function serveFile(req, res, dir, rel, extraHeaders = {}) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed');
    return;
  }
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    sendText(res, 400, 'Bad path');
    return;
  }
  const base = path.resolve(dir);
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (file !== base && !file.startsWith(base + path.sep)) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'x-content-type-options': 'nosniff',
      ...NO_CACHE,
      ...extraHeaders,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    sendText(res, 404, `Not found: ${rel}`);
  }
}

/**
 * `/assets/…` paths of the manifest's support locations that name a page in assets/.
 * @param {any} manifest
 * @returns {Record<string, string>}
 */
function locationPaths(manifest) {
  /** @type {Record<string, string>} */
  const paths = {};
  for (const [location, spec] of Object.entries(manifest.location?.support ?? {})) {
    const url = typeof spec === 'string' ? spec : spec?.url;
    if (typeof url === 'string' && /^assets\/[\w./-]+\.html$/.test(url) && !url.includes('..')) paths[location] = `/${url}`;
  }
  return paths;
}

/** @returns {Promise<{ name?: string, version?: string }>} */
async function readManifest() {
  try {
    return JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * The manifest's parameters with their English label and help text, for the workspace's
 * "App settings" form.
 * @param {{ parameters?: unknown }} manifest
 * @returns {Promise<{ name: string, type: string, default?: unknown, label: string, helpText: string }[]>}
 */
async function readParameters(manifest) {
  const list = Array.isArray(manifest.parameters) ? manifest.parameters : [];
  let texts = {};
  try {
    texts = JSON.parse(await readFile(path.join(root, 'translations', 'en.json'), 'utf8'))?.app?.parameters ?? {};
  } catch {
    texts = {};
  }
  return list
    .filter((p) => p && typeof p.name === 'string')
    .map((p) => ({
      name: p.name,
      type: typeof p.type === 'string' ? p.type : 'text',
      ...('default' in p ? { default: p.default } : {}),
      label: texts[p.name]?.label ?? p.name,
      helpText: texts[p.name]?.helpText ?? '',
    }));
}

/** @param {http.Server} server @param {number} port @param {string} host @returns {Promise<number>} */
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {Error} */ error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** @param {http.Server} server @returns {Promise<void>} */
function shut(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * @typedef {object} LocalZendeskOptions
 * @property {number} [hostPort] workspace + API port (default 4580; 0 = any free port)
 * @property {number} [appPort] app asset port (default 4581; 0 = any free port)
 * @property {string} [host] interface to listen on (default 127.0.0.1)
 * @property {boolean} [quiet] no request logging on stdout
 * @property {string} [assetsDir] the built app folder (default <repo>/assets)
 * @property {import('./zendesk/store.mjs').Zendesk} [zendesk] an existing local Zendesk
 * @property {import('./zendesk/store.mjs').ZendeskOptions} [zendeskOptions] options for a new one
 * @property {(req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>} [appRoutes]
 *   extra routes on the app origin (answer true when served)
 *
 * @typedef {object} LocalZendesk
 * @property {string} workspaceUrl the agent workspace page
 * @property {string} hostOrigin origin of the workspace and API
 * @property {string} appOrigin origin the app's assets come from
 * @property {string} appUrl the app's index.html (without origin/app_guid)
 * @property {import('./zendesk/store.mjs').Zendesk} zendesk in-process access (control, snapshot)
 * @property {() => Promise<void>} close
 */

/**
 * @param {LocalZendeskOptions} [options]
 * @returns {Promise<LocalZendesk>}
 */
export async function startLocalZendesk(options = {}) {
  const {
    hostPort = 4580,
    appPort = 4581,
    host = '127.0.0.1',
    quiet = false,
    assetsDir = path.join(root, 'assets'),
    zendeskOptions,
    appRoutes,
  } = options;
  const zendesk = options.zendesk ?? createZendesk(zendeskOptions);
  const api = createZendeskHttpHandler(zendesk);

  /** Filled in once both servers listen. */
  const manifest = await readManifest();
  const config = {
    appOrigin: '',
    appPath: '/assets/index.html',
    subdomain: SUBDOMAIN,
    hostOrigin: '',
    appName: manifest.name ?? 'Tagwise',
    appVersion: manifest.version ?? '0.0.0',
    /** The manifest declares a background location: the workspace loads it once per session. */
    background: Boolean(manifest.location?.support?.background),
    /** Each location's page, as the manifest names it (Zendesk loads `location.support.X.url`). */
    locationPaths: locationPaths(manifest),
    // The installation settings an admin fills in (Admin Center), with their English labels.
    parameters: await readParameters(manifest),
  };

  const log = (/** @type {string} */ line) => {
    if (!quiet) console.log(line);
  };

  const hostServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!quiet && !url.pathname.startsWith('/__control/')) {
      res.on('finish', () => log(`[host] ${req.method} ${url.pathname}${url.search} -> ${res.statusCode}`));
    }
    const served = api(req, res);
    if (served !== false) return;
    if (url.pathname === '/__config.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...NO_CACHE });
      res.end(JSON.stringify(config));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      void serveFile(req, res, workspaceDir, 'index.html');
      return;
    }
    if (url.pathname.startsWith('/workspace/')) {
      void serveFile(req, res, workspaceDir, url.pathname.slice('/workspace/'.length));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, NO_CACHE);
      res.end();
      return;
    }
    sendText(res, 404, 'Not found');
  });

  const appServer = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!quiet) res.on('finish', () => log(`[app]  ${req.method} ${url.pathname} -> ${res.statusCode}`));
    try {
      if (appRoutes && (await appRoutes(req, res))) return;
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, String(error));
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      const rel = url.pathname.slice('/assets/'.length);
      // A hashed file never changes under its name: the browser may keep it (the prefetched
      // panel code is then taken from the cache), as it does from Zendesk's CDN.
      await serveFile(req, res, assetsDir, rel, HASHED_BUILD_FILE.test(rel) ? IMMUTABLE : {});
      return;
    }
    sendText(res, 404, 'Not found (the app lives under /assets/)');
  });

  let actualHostPort;
  let actualAppPort;
  try {
    actualHostPort = await listen(hostServer, hostPort, host);
    actualAppPort = await listen(appServer, appPort, host);
  } catch (error) {
    api.close();
    await Promise.all([shut(hostServer), shut(appServer)]);
    throw error;
  }

  // The app comes from "localhost" while the workspace is on 127.0.0.1: two origins even if
  // the ports were equal, as in production (apps are served from another domain).
  const appHost = host === '127.0.0.1' || host === '0.0.0.0' || host === 'localhost' ? 'localhost' : host;
  const hostName = host === '0.0.0.0' ? '127.0.0.1' : host;
  const hostOrigin = `http://${hostName}:${actualHostPort}`;
  const appOrigin = `http://${appHost}:${actualAppPort}`;
  config.appOrigin = appOrigin;
  config.hostOrigin = hostOrigin;

  let closed = false;
  return {
    workspaceUrl: `${hostOrigin}/`,
    hostOrigin,
    appOrigin,
    appUrl: `${appOrigin}${config.appPath}`,
    zendesk,
    async close() {
      if (closed) return;
      closed = true;
      api.close();
      await Promise.all([shut(hostServer), shut(appServer)]);
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const local = await startLocalZendesk({
    hostPort: Number(process.env.HOST_PORT ?? 4580),
    appPort: Number(process.env.APP_PORT ?? 4581),
  });
  console.log(`Agent workspace: ${local.workspaceUrl}  (app served from ${local.appOrigin})`);
  const stop = () => void local.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
