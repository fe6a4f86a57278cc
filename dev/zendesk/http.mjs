// @ts-check
/**
 * node:http adapter for the local Zendesk API (store.mjs).
 *
 *   createZendeskHttpHandler(zendesk, { dropDelayMs }?) -> (req, res) => false | Promise<true>
 *     serves /api/v2/* and /__control/*; answers false (synchronously) for other paths so a
 *     dev server can compose it with static files.
 *   startZendeskServer({ port, host, zendesk, dropDelayMs }) -> Promise<{ url, close(), server, zendesk }>
 *
 * Run standalone: `node dev/zendesk/http.mjs [port]` (default 4568, or $ZENDESK_PORT).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZendesk } from './store.mjs';

/**
 * @typedef {import('./store.mjs').Zendesk} Zendesk
 * @typedef {((req: http.IncomingMessage, res: http.ServerResponse) => false | Promise<boolean>) & { close(): void }} ZendeskHttpHandler
 */

/** How long a "dropped" answer keeps the client waiting before the socket is destroyed. */
export const DROP_DELAY_MS = 30_000;
const MAX_BODY_BYTES = 1_000_000;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, PUT, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, x-zendesk-actor',
  'access-control-expose-headers': 'retry-after, x-rate-limit, x-rate-limit-remaining, ratelimit-limit, ratelimit-remaining, ratelimit-reset',
};

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * @param {http.ServerResponse} res @param {number} status @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  const all = { ...CORS_HEADERS, ...headers };
  if (status === 204 || body === null || body === undefined) {
    res.writeHead(status, all);
    res.end();
    return;
  }
  const isText = typeof body === 'string';
  const payload = isText ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    ...all,
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/** @param {string} raw @returns {unknown} */
function parseJson(raw) {
  if (raw.trim() === '') return undefined;
  return JSON.parse(raw);
}

/**
 * @param {Zendesk} zendesk
 * @param {{ dropDelayMs?: number }} [options] how long an injected timeout holds the request (default 30 s)
 * @returns {ZendeskHttpHandler}
 */
export function createZendeskHttpHandler(zendesk, options = {}) {
  const dropDelay = options.dropDelayMs ?? DROP_DELAY_MS;
  /** @type {Set<{ timer: NodeJS.Timeout, socket: import('node:net').Socket }>} */
  const waiting = new Set();

  /** Keep the client waiting, then cut the connection without an answer. @param {http.ServerResponse} res */
  function drop(res, immediately = false) {
    const socket = res.socket;
    if (!socket) return;
    if (immediately) {
      socket.destroy();
      return;
    }
    const item = {
      timer: setTimeout(() => {
        waiting.delete(item);
        socket.destroy();
      }, dropDelay),
      socket,
    };
    item.timer.unref?.();
    waiting.add(item);
    socket.once('close', () => {
      clearTimeout(item.timer);
      waiting.delete(item);
    });
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {URL} url */
  async function serveApi(req, res, url) {
    const method = (req.method ?? 'GET').toUpperCase();
    /** @type {Record<string, string>} */
    const query = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const raw = await readBody(req);
    const actorHeader = req.headers['x-zendesk-actor'];
    const answer = await zendesk.handle({
      method,
      path: url.pathname,
      query,
      body: raw === '' ? undefined : raw, // the store parses JSON and answers 400 when it is not
      ...(typeof actorHeader === 'string' && actorHeader ? { actor: actorHeader } : {}),
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
    });
    if (answer.dropped) {
      // Offline: the connection fails at once. Timeout: the client's own timer fires first.
      drop(res, answer.reason === 'offline');
      return;
    }
    send(res, answer.status, answer.body, answer.headers);
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {URL} url */
  async function serveControl(req, res, url) {
    const method = (req.method ?? 'GET').toUpperCase();
    const name = url.pathname.slice('/__control/'.length).replace(/\/+$/, '');
    let body;
    try {
      body = parseJson(await readBody(req));
    } catch {
      send(res, 400, { error: 'InvalidJSON' });
      return;
    }
    /** @type {any} */
    const b = body && typeof body === 'object' ? body : {};
    const c = zendesk.control;
    const ok = () => send(res, 200, { ok: true });
    if (method === 'GET' && name === 'log') return send(res, 200, { log: c.log() });
    const number = (/** @type {string} */ key) => (url.searchParams.has(key) ? Number(url.searchParams.get(key)) || 0 : undefined);
    if (method === 'GET' && name === 'snapshot') {
      const upto = number('upto');
      return send(res, 200, c.snapshot(upto === undefined ? {} : { upto }));
    }
    if (method === 'GET' && name === 'history') {
      // last_id lets a poller that asks only for what is new still tell a reset (it goes down).
      const all = c.history();
      const after = number('after') ?? 0;
      return send(res, 200, { history: after ? all.filter((e) => e.id > after) : all, last_id: all.at(-1)?.id ?? 0 });
    }
    if (method === 'GET' && name === 'jobs') return send(res, 200, { jobs: c.jobs() });
    if (method === 'GET' && name === 'content-tags') return send(res, 200, { content_tags: c.contentTags() });
    if (method !== 'POST') return send(res, 405, { error: 'MethodNotAllowed' });
    switch (name) {
      case 'reset':
        c.reset();
        return ok();
      case 'fail-next':
        c.failNext(b);
        return ok();
      case 'offline':
        c.setOffline(Boolean(b.offline));
        return ok();
      case 'tagging':
        c.setTaggingUsersOrgs(Boolean(b.on));
        return ok();
      case 'rate-limit':
        c.setRateLimit(Number(b.perMinute) || 0);
        return ok();
      case 'ticket-update-limit':
        c.setTicketUpdateLimit(Number(b.perTenMinutes) || 0);
        return ok();
      case 'role':
        c.setRole(b.role === 'agent' ? 'agent' : 'admin');
        return ok();
      case 'inherited-tags':
        c.setReapplyInheritedTags(Boolean(b.on));
        return ok();
      case 'job-speed':
        c.setJobSpeed(Number(b.perSecond) || 0, b.queueMs === undefined ? undefined : Number(b.queueMs) || 0);
        return ok();
      case 'lock':
        c.lockTicket(Number(b.id), b.times === undefined ? 1 : Number(b.times) || 0);
        return ok();
      case 'guide-role':
        c.setGuideRole(b.role === 'agent' ? 'agent' : 'manager');
        return ok();
      case 'clear-log':
        c.clearLog();
        return ok();
      case 'act': {
        const result = c.act(b);
        return send(res, result.status, result.body);
      }
      default:
        return send(res, 404, { error: 'UnknownControl', description: `No control endpoint ${name}` });
    }
  }

  /** @type {ZendeskHttpHandler} */
  const handler = Object.assign(
    /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const isApi = url.pathname.startsWith('/api/v2/');
      const isControl = url.pathname.startsWith('/__control/');
      if (!isApi && !isControl) return false;
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS);
        res.end();
        return Promise.resolve(true);
      }
      const work = isApi ? serveApi(req, res, url) : serveControl(req, res, url);
      return work.then(
        () => true,
        (error) => {
          if (!res.headersSent) send(res, 500, { error: 'InternalError', description: String(error?.message ?? error) });
          else res.destroy();
          return true;
        },
      );
    },
    {
      close() {
        for (const item of waiting) {
          clearTimeout(item.timer);
          item.socket.destroy();
        }
        waiting.clear();
      },
    },
  );
  return handler;
}

/**
 * @param {{ port?: number, host?: string, zendesk?: Zendesk, dropDelayMs?: number }} [options]
 * @returns {Promise<{ url: string, server: http.Server, zendesk: Zendesk, close(): Promise<void> }>}
 */
export async function startZendeskServer({ port = 0, host = '127.0.0.1', zendesk = createZendesk(), dropDelayMs } = {}) {
  const handler = createZendeskHttpHandler(zendesk, dropDelayMs === undefined ? {} : { dropDelayMs });
  const server = http.createServer((req, res) => {
    const served = handler(req, res);
    if (served === false) send(res, 404, { error: 'InvalidEndpoint', description: 'Not found' });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    server,
    zendesk,
    close() {
      handler.close();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.ZENDESK_PORT ?? 4568);
  const { url } = await startZendeskServer({ port });
  console.log(`Local Zendesk API on ${url}/api/v2 (controls under ${url}/__control/)`);
}
