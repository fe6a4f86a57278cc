// The host side of the Zendesk App Framework protocol, as the agent workspace speaks it to
// an app iframe. Runs in the workspace page (plain ES module, no build step).
//
// Protocol (checked against node_modules/zendesk_app_framework_sdk/lib/client.js, 2.0.11):
//   app  -> host  JSON strings posted to window.parent with targetOrigin = the `origin` query
//                 parameter; every message carries appGuid and instanceGuid.
//     {key:'iframe.handshake', message:{version}}                 first message, always sent
//     {key:'iframe.on:<event>', message:{subscriberCount}}         client.on (queued until registered)
//     {key:'iframe.off:<event>', message:{subscriberCount}}        client.off
//     {key:'iframe.trigger:<event>', message:data}                 client.trigger; with another
//                                                                  instance's guid as instanceGuid
//                                                                  (client.instance(guid).trigger),
//                                                                  relayed to that instance as zaf.<event>
//     {key:'request:N', message:options}                           client.request
//     {id, request:'get'|'set'|'invoke', params}                   client.get/set/invoke
//   host -> app   JSON strings posted to the iframe's window with targetOrigin = the app origin.
//     {key:'zaf.app.registered', message:{metadata, context}}      answers the handshake
//     {key:'zaf.<event>', message:data}                            events (client.on handlers get data)
//     {key:'zaf.request:N.done', message:{responseArgs:[value]}}   request resolved with value
//     {key:'zaf.request:N.fail', message:{responseArgs:[xhr]}}     request rejected with xhr
//     {id, result:{errors:{path:{name,message}}, path:value}}      get/set/invoke answers
//   The SDK only accepts messages whose event.origin equals `origin` and whose event.source is
//   window.parent. It does not time out requests (only get/set/invoke, after 5 s).

const DEFAULT_HEIGHT = 120;
const MAX_HEIGHT = 4000;
const MAX_RETRY_AFTER_SECONDS = 120;
const TRACE_LIMIT = 500;

/** @param {unknown} v */
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** A get/set/invoke error entry, shaped like ZAF's: the SDK turns it into an Error(name, message). */
function pathError(name, message) {
  return { name, message };
}

/**
 * Walks a dotted path ("ticket.requester.email") through a plain object tree.
 * @returns {{ value: unknown } | { error: { name: string, message: string } }}
 */
export function resolvePath(tree, path, location) {
  if (typeof path !== 'string' || path === '') {
    return { error: pathError('InvalidPathError', `Invalid path: ${JSON.stringify(path)}`) };
  }
  let node = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) {
      return {
        error: pathError('APIUnavailable', `"${path}" Could not find handler for: "${path}" in the ${location} location`),
      };
    }
    node = node[part];
  }
  return { value: clone(node) };
}

/** Parses a ZAF size ("300px", "300", 300, "100%") into pixels, or undefined. */
function pixels(value) {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** @param {Headers} headers */
function headersObject(headers) {
  const out = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

function parseJson(text) {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Performs one `client.request(options)` for the app, against the local API, and builds the
 * value ZAF would resolve or reject with.
 *
 *   success, httpCompleteResponse:true -> {status, responseJSON, responseText, headers}
 *   success otherwise                  -> the parsed JSON (or the text; undefined for 204)
 *   failure (non-2xx, timeout, drop)   -> {status, statusText, responseText, responseJSON,
 *                                          readyState, headers}; status 0 with statusText
 *                                          'timeout' or 'error' when no answer arrived.
 *   autoRetry (not false) + 429        -> waits Retry-After (default 1 s, at most 120 s) once and
 *                                          tries again; the second answer is final. (Real ZAF
 *                                          keeps retrying with its own schedule; this is a
 *                                          deliberately simplified model of it.)
 *
 * @param {object} options the app's request options
 * @param {{ apiOrigin: string, subdomain: string, actor?: string, onRetry?: (info: object) => void }} env
 * @returns {Promise<{ ok: true, value: unknown } | { ok: false, value: object }>}
 */
export async function performRequest(options, env) {
  const opts = typeof options === 'string' ? { url: options } : { ...(options ?? {}) };
  const method = String(opts.type ?? opts.method ?? 'GET').toUpperCase();
  const url = localUrl(String(opts.url ?? ''), env);
  const headers = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k] = String(v);
  if (env.actor) headers['x-zendesk-actor'] = env.actor;

  let body;
  const data = opts.data;
  if (data !== undefined && data !== null) {
    if (method === 'GET' || method === 'HEAD') {
      const extra = typeof data === 'string' ? new URLSearchParams(data) : new URLSearchParams(data);
      for (const [k, v] of extra) url.searchParams.append(k, v);
    } else if (typeof data === 'string') {
      body = data;
    } else if (String(opts.contentType ?? '').includes('json')) {
      body = JSON.stringify(data);
    } else {
      body = new URLSearchParams(data).toString();
    }
  }
  if (body !== undefined) {
    const type = opts.contentType === false ? undefined : opts.contentType ?? 'application/x-www-form-urlencoded; charset=UTF-8';
    if (type) headers['content-type'] = type;
  }

  const timeout = Number(opts.timeout) > 0 ? Number(opts.timeout) : 0;
  const complete = opts.httpCompleteResponse === true;
  const autoRetry = opts.autoRetry !== false;

  let attempt = 0;
  for (;;) {
    attempt += 1;
    const answer = await fetchOnce(url, { method, headers, body }, timeout);
    if (answer.kind === 'none') {
      return {
        ok: false,
        value: { status: 0, statusText: answer.reason, readyState: 0, responseText: '', headers: {} },
      };
    }
    const { status, statusText, text, responseHeaders } = answer;
    const contentType = responseHeaders['content-type'] ?? '';
    const json = contentType.includes('json') ? parseJson(text) : undefined;
    if (status === 429 && autoRetry && attempt === 1) {
      const after = Number.parseInt(responseHeaders['retry-after'] ?? '', 10);
      const seconds = Number.isFinite(after) && after >= 0 ? Math.min(after, MAX_RETRY_AFTER_SECONDS) : 1;
      env.onRetry?.({ url: url.pathname, seconds });
      await sleep(seconds * 1000);
      continue;
    }
    if ((status >= 200 && status < 300) || status === 304) {
      if (complete) {
        return { ok: true, value: { status, responseJSON: json, responseText: text, headers: responseHeaders } };
      }
      if (status === 204 || text === '') return { ok: true, value: undefined };
      return { ok: true, value: json !== undefined ? json : parseJson(text) ?? text };
    }
    return {
      ok: false,
      value: { status, statusText, readyState: 4, responseText: text, responseJSON: json, headers: responseHeaders },
    };
  }
}

/** Relative URLs and https://<subdomain>.zendesk.com go to the local API; others stay as they are. */
function localUrl(raw, env) {
  const url = new URL(raw || '/', env.apiOrigin);
  if (url.hostname === `${env.subdomain}.zendesk.com`) {
    return new URL(url.pathname + url.search, env.apiOrigin);
  }
  return url;
}

async function fetchOnce(url, init, timeout) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = timeout
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout)
    : undefined;
  try {
    const res = await fetch(url, { ...init, signal: controller.signal, cache: 'no-store', credentials: 'same-origin' });
    const text = await res.text();
    return { kind: 'answer', status: res.status, statusText: res.statusText || String(res.status), text, responseHeaders: headersObject(res.headers) };
  } catch {
    return { kind: 'none', reason: timedOut ? 'timeout' : 'error' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Manages the app instances (one iframe per record, like Zendesk's tabs) and answers their
 * messages.
 *
 * @param {object} config
 * @param {string} config.appOrigin origin the iframes are loaded from (messages must come from it)
 * @param {string} config.appPath path of the app's page on that origin
 * @param {Record<string, string>} [config.locationPaths] a location's own page, when the manifest gives it one
 * @param {string} config.subdomain
 * @param {object} config.metadata {appId, installationId, name, version, settings}
 * @param {(instance: object) => Promise<object>} config.describe the data tree `get` reads for an instance
 * @param {(instance: object, options: object) => void} [config.onRequestStart]
 * @param {(instance: object, options: object, outcome: object) => void} [config.onRequestEnd]
 * @param {(text: string, kind: string, instance: object) => void} [config.onNotify]
 * @param {(line: object) => void} [config.onTrace]
 * @param {string} [config.actor] sent as x-zendesk-actor with the app's requests
 */
export function createZafHost(config) {
  /** @type {Map<string, any>} */
  const instances = new Map();
  const trace = [];

  function record(direction, instance, data) {
    const line = { t: Date.now(), direction, key: instance?.key, data };
    trace.push(line);
    if (trace.length > TRACE_LIMIT) trace.shift();
    config.onTrace?.(line);
  }

  function post(instance, message) {
    const win = instance.iframe.contentWindow;
    if (!win) return;
    record('out', instance, message);
    win.postMessage(JSON.stringify(message), config.appOrigin);
  }

  function emit(instance, name, message, { force = false } = {}) {
    if (!force && !(instance.subscriptions.get(name) > 0)) return false;
    post(instance, { key: `zaf.${name}`, message: clone(message) });
    return true;
  }

  function context(instance) {
    const ctx = {
      product: 'support',
      location: instance.location,
      instanceGuid: instance.guid,
      account: { subdomain: config.subdomain },
    };
    if (instance.location === 'ticket_sidebar') ctx.ticketId = instance.recordId;
    if (instance.location === 'user_sidebar') ctx.userId = instance.recordId;
    if (instance.location === 'organization_sidebar') ctx.organizationId = instance.recordId;
    return ctx;
  }

  function instancesTree() {
    const out = {};
    for (const other of instances.values()) if (other.registered) out[other.guid] = context(other);
    return out;
  }

  /** client.instance(guid).trigger(name, data): the event reaches that instance only. */
  function forward(from, name, target, message) {
    for (const other of instances.values()) {
      if (other.guid === target && other !== from && other.registered && other.iframe.contentWindow) {
        emit(other, name, message);
        return;
      }
    }
    record('note', from, { undelivered: target });
  }

  function onHandshake(instance) {
    // A handshake means a new document in the iframe (first load or reload): answers still on
    // their way to the previous document must not reach this one (request keys restart at 1).
    instance.generation += 1;
    instance.registered = true;
    instance.subscriptions.clear();
    instance.activatedSent = false;
    emit(instance, 'app.registered', { metadata: clone(config.metadata), context: context(instance) }, { force: true });
  }

  async function answerCall(instance, data) {
    const generation = instance.generation;
    const reply = (message) => {
      if (instance.generation === generation) post(instance, message);
    };
    const result = { errors: {} };
    try {
      if (data.request === 'get') {
        const paths = Array.isArray(data.params) ? data.params : [];
        // `instances` (and `instances.<guid>`) list the registered app instances, as in Zendesk.
        const tree = { ...(await config.describe(instance)), instances: instancesTree() };
        for (const path of paths) {
          const found = resolvePath(tree, path, instance.location);
          if ('error' in found) result.errors[path] = found.error;
          else result[path] = found.value;
        }
      } else if (data.request === 'set') {
        for (const path of Object.keys(data.params ?? {})) {
          result.errors[path] = pathError('ReadOnlyPathError', `"${path}" cannot be set in the local workspace`);
        }
      } else if (data.request === 'invoke') {
        for (const [name, args] of Object.entries(data.params ?? {})) {
          const outcome = invoke(instance, name, Array.isArray(args) ? args : [args]);
          if (outcome && outcome.error) result.errors[name] = outcome.error;
          else if (outcome && 'value' in outcome) result[name] = outcome.value;
        }
      } else {
        reply({ id: data.id, error: pathError('UnknownRequest', `Unknown request "${data.request}"`) });
        return;
      }
    } catch (error) {
      reply({ id: data.id, error: pathError('HostError', String(error?.message ?? error)) });
      return;
    }
    reply({ id: data.id, result });
  }

  function invoke(instance, name, args) {
    switch (name) {
      case 'resize': {
        const size = args[0] && typeof args[0] === 'object' ? args[0] : { height: args[0] };
        const height = pixels(size.height);
        if (height !== undefined) {
          instance.height = Math.max(0, Math.min(MAX_HEIGHT, Math.round(height)));
          instance.iframe.style.height = `${instance.height}px`;
        }
        // The tray decides the width (flexible sidebar apps fill it); a pixel width is honoured.
        const width = pixels(size.width);
        if (width !== undefined) instance.iframe.style.width = `${Math.round(width)}px`;
        else if (size.width !== undefined) instance.iframe.style.width = '100%';
        return { value: undefined };
      }
      case 'notify': {
        const [text, kind = 'notice'] = args;
        config.onNotify?.(String(text ?? ''), String(kind), instance);
        return { value: undefined };
      }
      case 'app.show':
        instance.iframe.hidden = !instance.active;
        return { value: undefined };
      case 'app.hide':
        instance.iframe.hidden = true;
        return { value: undefined };
      case 'routeTo': {
        // Navigates the workspace to a record, as Zendesk's routeTo does (tickets, users, organizations).
        const [type, id] = args;
        const plural = { ticket: 'tickets', user: 'users', organization: 'organizations' }[String(type)];
        if (!plural || !/^\d+$/.test(String(id))) {
          return { error: pathError('InvalidArgument', `routeTo cannot open ${JSON.stringify(type)} ${JSON.stringify(id)}`) };
        }
        window.location.hash = `#/${plural}/${id}`;
        return { value: undefined };
      }
      default:
        return { error: pathError('APIUnavailable', `"${name}" Could not find handler for: "${name}"`) };
    }
  }

  async function answerRequest(instance, key, options) {
    const generation = instance.generation;
    config.onRequestStart?.(instance, options);
    const outcome = await performRequest(options, {
      apiOrigin: window.location.origin,
      subdomain: config.subdomain,
      actor: config.actor,
      onRetry: (info) => record('note', instance, { autoRetry: info }),
    });
    config.onRequestEnd?.(instance, options, outcome);
    if (instances.get(instance.key) !== instance || instance.generation !== generation) return;
    if (instance.iframe.contentWindow === null) return;
    emit(instance, `${key}.${outcome.ok ? 'done' : 'fail'}`, { responseArgs: [outcome.value] }, { force: true });
  }

  function onMessage(event) {
    let instance;
    for (const candidate of instances.values()) {
      if (candidate.iframe.contentWindow === event.source) {
        instance = candidate;
        break;
      }
    }
    if (!instance) return; // not one of our app frames
    if (event.origin !== config.appOrigin) {
      record('rejected', instance, { origin: event.origin });
      return;
    }
    if (typeof event.data !== 'string') return;
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!data || typeof data !== 'object') return;
    if (data.appGuid !== undefined && data.appGuid !== instance.guid) {
      record('rejected', instance, { appGuid: data.appGuid });
      return;
    }
    record('in', instance, data);

    if (typeof data.request === 'string' && data.id !== undefined) {
      void answerCall(instance, data);
      return;
    }
    const key = typeof data.key === 'string' ? data.key : '';
    if (key === 'iframe.handshake') {
      onHandshake(instance);
    } else if (key.startsWith('iframe.on:')) {
      const name = key.slice('iframe.on:'.length);
      const count = Number(data.message?.subscriberCount ?? 1);
      instance.subscriptions.set(name, count);
      if (name === 'app.activated' && instance.active && !instance.activatedSent) {
        instance.activatedSent = true;
        emit(instance, 'app.activated', { firstLoad: true });
      }
    } else if (key.startsWith('iframe.off:')) {
      const name = key.slice('iframe.off:'.length);
      const count = Number(data.message?.subscriberCount ?? 0);
      if (count > 0) instance.subscriptions.set(name, count);
      else instance.subscriptions.delete(name);
    } else if (/^request:\d+$/.test(key)) {
      void answerRequest(instance, key, data.message);
    } else if (key.startsWith('iframe.trigger:') && typeof data.instanceGuid === 'string' && data.instanceGuid !== instance.guid) {
      forward(instance, key.slice('iframe.trigger:'.length), data.instanceGuid, data.message);
    }
    // iframe.trigger:* for the instance itself and iframe.reply:* need no answer here.
  }

  window.addEventListener('message', onMessage);

  return {
    instances,
    trace,

    /**
     * Creates (or returns) the app instance for a record.
     * @param {{ key: string, location: string, recordKind: string, recordId: number, container: HTMLElement, locale: string }} spec
     */
    mount(spec) {
      const existing = instances.get(spec.key);
      if (existing) return existing;
      const guid = crypto.randomUUID();
      const iframe = document.createElement('iframe');
      const src = new URL(config.locationPaths?.[spec.location] ?? config.appPath, config.appOrigin);
      src.searchParams.set('origin', window.location.origin);
      src.searchParams.set('app_guid', guid);
      iframe.src = src.toString();
      iframe.title = spec.location === 'background' ? 'Tagwise (background)' : 'Tagwise (inactive)';
      iframe.className = 'app-frame';
      iframe.hidden = true;
      iframe.dataset.instanceKey = spec.key;
      iframe.dataset.location = spec.location;
      iframe.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads',
      );
      iframe.style.height = `${DEFAULT_HEIGHT}px`;
      const instance = {
        key: spec.key,
        guid,
        iframe,
        location: spec.location,
        recordKind: spec.recordKind,
        recordId: spec.recordId,
        subscriptions: new Map(),
        registered: false,
        active: false,
        activatedSent: false,
        generation: 0,
        height: DEFAULT_HEIGHT,
      };
      instances.set(spec.key, instance);
      spec.container.appendChild(iframe);
      return instance;
    },

    /** Shows one instance and hides the others, with app.activated / app.deactivated. */
    activate(key) {
      for (const instance of instances.values()) {
        // The background location has no UI: never shown, never activated.
        if (instance.location === 'background') continue;
        const shouldBeActive = instance.key === key;
        if (shouldBeActive === instance.active) continue;
        instance.active = shouldBeActive;
        instance.iframe.hidden = !shouldBeActive;
        instance.iframe.title = shouldBeActive ? 'Tagwise' : 'Tagwise (inactive)';
        instance.iframe.dataset.active = String(shouldBeActive);
        if (!instance.registered) continue;
        if (shouldBeActive) {
          const firstLoad = !instance.activatedSent;
          instance.activatedSent = true;
          emit(instance, 'app.activated', { firstLoad });
        } else {
          emit(instance, 'app.deactivated', {});
        }
      }
    },

    /** Sends an event to every instance the predicate picks (only if it subscribed). */
    broadcast(predicate, name, message) {
      let delivered = 0;
      for (const instance of instances.values()) {
        if (instance.registered && predicate(instance) && emit(instance, name, message)) delivered += 1;
      }
      return delivered;
    },

    /** Removes every instance (locale change, reset). */
    unmountAll() {
      for (const instance of instances.values()) instance.iframe.remove();
      instances.clear();
    },

    unmount(key) {
      const instance = instances.get(key);
      if (!instance) return;
      instance.iframe.remove();
      instances.delete(key);
    },

    dispose() {
      window.removeEventListener('message', onMessage);
      this.unmountAll();
    },
  };
}
