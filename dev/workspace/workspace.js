// The local agent workspace: routes (#/tickets/1, #/users/101, #/organizations/201), the
// record pane, the apps tray with one app instance per record (like Zendesk's tabs), and the
// "Local Zendesk controls" drawer. The ZAF protocol itself lives in host.js.
import { createZafHost } from './host.js';

const OWN_ACTOR = 'agent';
const OTHER_ACTOR = 'another agent';
const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt-br'];
const LOCALE_KEY = 'tagwise-local.locale';
const POLL_MS = 400;
const LOG_POLL_MS = 1000;
const LOCATIONS = { ticket: 'ticket_sidebar', user: 'user_sidebar', organization: 'organization_sidebar' };
const COLLECTIONS = { ticket: 'tickets', user: 'users', organization: 'organizations' };
// The workspace lists the first records only; the 10,000 bulk tickets (ids from 10001) are for
// the Tag manager and would make every poll of the server's state heavy.
const SHOWN_UP_TO = 9999;
/** Apps in Zendesk's nav bar: route, location, label. */
const NAV_APPS = [{ route: 'tag-manager', location: 'nav_bar', label: 'Tag manager' }];

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Tiny DOM builder: text always goes through text nodes (tag names may look like HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

const state = {
  config: /** @type {any} */ (null),
  snapshot: /** @type {any} */ ({ tickets: {}, users: {}, organizations: {} }),
  route: /** @type {{ kind: string, id: number } | null} */ (null),
  locale: 'en',
  role: 'admin',
  lastHistoryId: 0,
  /** A page from the app origin was loaded in the app's place (?app=…). */
  appOverridden: false,
  host: /** @type {ReturnType<typeof createZafHost> | null} */ (null),
  /** What the host answers the handshake with; `settings` are the app's installation settings. */
  metadata: /** @type {{ appId: number, installationId: number, name: string, version: string, settings: Record<string, unknown> }} */ ({ appId: 1, installationId: 1, name: 'Tagwise', version: '1.0.0', settings: {} }),
  /** How often the navigation was brought up to date (the browser tests wait on it). */
  navRenders: 0,
};

// ------------------------------------------------------------------------------ data

let snapshotInFlight = /** @type {Promise<typeof state.snapshot> | null} */ (null);

/**
 * Reads the local Zendesk's records. Calls made while a read is on its way share it: Zendesk
 * answers client.get from memory, so an app that asks two things at once must not wait for two
 * round trips here that it would not wait for there.
 */
function refreshSnapshot() {
  snapshotInFlight ??= api('GET', `/__control/snapshot?upto=${SHOWN_UP_TO}`)
    .then(({ status, body }) => {
      if (status === 200 && body) state.snapshot = body;
      return state.snapshot;
    })
    .finally(() => {
      snapshotInFlight = null;
    });
  return snapshotInFlight;
}

function currentAgent() {
  const agent = Object.values(state.snapshot.users).find((u) => u.role !== 'end-user');
  return {
    id: agent?.id ?? 1,
    name: agent?.name ?? 'Local Agent',
    email: agent?.email ?? 'agent@tagwise-local.example',
    // The local API treats the app's user as admin unless the drawer says otherwise.
    role: state.role,
    locale: state.locale,
    timeZone: { ianaName: 'Etc/UTC' },
  };
}

function userObject(u) {
  if (!u) return null;
  const org = u.organization_id ? state.snapshot.organizations[u.organization_id] : undefined;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    tags: [...u.tags],
    organizations: org ? [orgObject(org)] : [],
  };
}

function orgObject(o) {
  return o ? { id: o.id, name: o.name, tags: [...o.tags] } : null;
}

/** What `client.get` can read in one instance's location (the agent's screen, no HTTP). */
async function describe(instance) {
  await refreshSnapshot();
  const tree = {
    currentUser: currentAgent(),
    currentAccount: { subdomain: state.config.subdomain, planName: 'enterprise' },
  };
  const snap = state.snapshot;
  if (instance.location === 'ticket_sidebar') {
    const t = snap.tickets[instance.recordId];
    if (t) {
      const requester = snap.users[t.requester_id];
      tree.ticket = {
        id: t.id,
        subject: t.subject,
        status: t.status,
        tags: [...t.tags],
        createdAt: t.created_at,
        updatedAt: t.updated_at,
        requester: userObject(requester),
        organization: orgObject(t.organization_id ? snap.organizations[t.organization_id] : undefined),
      };
    }
  } else if (instance.location === 'user_sidebar') {
    const u = snap.users[instance.recordId];
    if (u) tree.user = userObject(u);
  } else if (instance.location === 'organization_sidebar') {
    const o = snap.organizations[instance.recordId];
    if (o) tree.organization = orgObject(o);
  }
  return tree;
}

// ------------------------------------------------------------------------------ routing and panes

function parseRoute() {
  const app = /^#\/apps\/([\w-]+)$/.exec(window.location.hash);
  const navApp = app ? NAV_APPS.find((a) => a.route === app[1]) : undefined;
  if (navApp) return { kind: 'nav_bar', id: 0, app: navApp };
  const m = /^#\/(tickets|users|organizations)\/(\d+)$/.exec(window.location.hash);
  if (!m) return null;
  const kind = { tickets: 'ticket', users: 'user', organizations: 'organization' }[m[1]];
  return { kind, id: Number(m[2]) };
}

function recordOf(route) {
  if (!route || route.kind === 'nav_bar') return undefined;
  return state.snapshot[COLLECTIONS[route.kind]][route.id];
}

/**
 * Puts `items` ({href, text, current}) in the list `id`, touching the DOM only where a link
 * changed: the live-update poll calls this every second, and replacing a focused link would
 * throw the keyboard user's focus to the page body.
 */
function syncLinks(id, items) {
  const list = $(id);
  items.forEach((item, index) => {
    let li = list.children[index];
    if (!li) {
      li = h('li', {}, h('a', {}));
      list.append(li);
    }
    const a = li.firstElementChild;
    if (a.getAttribute('href') !== item.href) a.setAttribute('href', item.href);
    if (a.textContent !== item.text) a.textContent = item.text;
    if (item.current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  while (list.children.length > items.length) list.lastElementChild?.remove();
}

function renderNav() {
  state.navRenders += 1;
  const r = state.route;
  syncLinks('nav-apps', NAV_APPS.map((a) => ({ href: `#/apps/${a.route}`, text: a.label, current: r?.kind === 'nav_bar' && r.app.route === a.route })));
  syncLinks(
    'nav-tickets',
    Object.values(state.snapshot.tickets).map((t) => ({ href: `#/tickets/${t.id}`, text: `#${t.id} ${t.subject}`, current: r?.kind === 'ticket' && r.id === t.id })),
  );
  syncLinks(
    'nav-users',
    Object.values(state.snapshot.users).map((u) => ({ href: `#/users/${u.id}`, text: u.name, current: r?.kind === 'user' && r.id === u.id })),
  );
  syncLinks(
    'nav-organizations',
    Object.values(state.snapshot.organizations).map((o) => ({
      href: `#/organizations/${o.id}`,
      text: o.name,
      current: r?.kind === 'organization' && r.id === o.id,
    })),
  );
  const agent = currentAgent();
  const who = `${agent.name} · ${state.locale}`;
  if ($('current-user').textContent !== who) $('current-user').textContent = who;
}

function tagList(tags, label) {
  if (!tags.length) return h('span', { class: 'muted' }, 'no tags');
  return h('ul', { class: 'server-tags', 'aria-label': label }, tags.map((t) => h('li', {}, t)));
}

let lastRecordHtml = '';

function renderRecord() {
  const pane = $('record');
  const r = state.route;
  const rec = recordOf(r);
  let content;
  if (!r || !rec) {
    content = [h('h1', {}, 'Nothing here'), h('p', { class: 'muted' }, 'Pick a ticket, a user or an organization on the left.')];
  } else if (r.kind === 'ticket') {
    const requester = state.snapshot.users[rec.requester_id];
    const org = rec.organization_id ? state.snapshot.organizations[rec.organization_id] : undefined;
    content = [
      h('p', { class: 'muted' }, `Ticket #${rec.id}`),
      h('h1', {}, rec.subject),
      h(
        'dl',
        {},
        h('dt', {}, 'Status'),
        h('dd', {}, h('span', { class: `badge ${rec.status}` }, rec.status)),
        h('dt', {}, 'Requester'),
        h('dd', {}, requester ? h('a', { href: `#/users/${requester.id}` }, `${requester.name} <${requester.email}>`) : '—'),
        h('dt', {}, 'Organization'),
        h('dd', {}, org ? h('a', { href: `#/organizations/${org.id}` }, org.name) : '—'),
        h('dt', {}, 'Updated'),
        h('dd', {}, rec.updated_at),
        h('dt', {}, 'Tags on the server'),
        h('dd', {}, tagList(rec.tags, 'Tags on the server')),
      ),
      h(
        'div',
        { class: 'conversation' },
        rec.status === 'closed'
          ? 'This ticket is closed: its conversation is read-only.'
          : 'Conversation and reply editor are not part of the local workspace.',
      ),
    ];
  } else if (r.kind === 'user') {
    const org = rec.organization_id ? state.snapshot.organizations[rec.organization_id] : undefined;
    const tickets = Object.values(state.snapshot.tickets).filter((t) => t.requester_id === rec.id);
    content = [
      h('p', { class: 'muted' }, `User #${rec.id}`),
      h('h1', {}, rec.name),
      h(
        'dl',
        {},
        h('dt', {}, 'Email'),
        h('dd', {}, rec.email),
        h('dt', {}, 'Role'),
        h('dd', {}, rec.role),
        h('dt', {}, 'Organization'),
        h('dd', {}, org ? h('a', { href: `#/organizations/${org.id}` }, org.name) : '—'),
        h('dt', {}, 'Tags on the server'),
        h('dd', {}, tagList(rec.tags, 'Tags on the server')),
        h('dt', {}, 'Tickets'),
        h('dd', {}, tickets.length ? h('ul', {}, tickets.map((t) => h('li', {}, h('a', { href: `#/tickets/${t.id}` }, `#${t.id} ${t.subject}`)))) : '—'),
      ),
    ];
  } else {
    const members = Object.values(state.snapshot.users).filter((u) => u.organization_id === rec.id);
    content = [
      h('p', { class: 'muted' }, `Organization #${rec.id}`),
      h('h1', {}, rec.name),
      h(
        'dl',
        {},
        h('dt', {}, 'Tags on the server'),
        h('dd', {}, tagList(rec.tags, 'Tags on the server')),
        h('dt', {}, 'Users'),
        h('dd', {}, members.length ? h('ul', {}, members.map((u) => h('li', {}, h('a', { href: `#/users/${u.id}` }, u.name)))) : '—'),
      ),
    ];
  }
  const wrapper = h('div', {}, content);
  // Re-render only when something changed: keeps focus and selection in the pane stable.
  if (wrapper.innerHTML === lastRecordHtml) return;
  lastRecordHtml = wrapper.innerHTML;
  pane.replaceChildren(...wrapper.childNodes);
  document.querySelectorAll('.ticket-only').forEach((el) => {
    el.hidden = r?.kind !== 'ticket';
  });
}

function showApp() {
  const r = state.route;
  const navMode = r?.kind === 'nav_bar';
  document.querySelector('.layout')?.classList.toggle('navbar-mode', navMode);
  $('navapp').hidden = !navMode;
  if (navMode) {
    const key = `nav_bar:${r.app.route}`;
    state.host.mount({ key, location: r.app.location, recordKind: 'nav_bar', recordId: 0, container: $('navapp') });
    state.host.activate(key);
    return;
  }
  if (!r || !recordOf(r)) {
    state.host.activate('');
    return;
  }
  const key = `${r.kind}:${r.id}`;
  state.host.mount({
    key,
    location: LOCATIONS[r.kind],
    recordKind: r.kind,
    recordId: r.id,
    container: $('apps'),
  });
  state.host.activate(key);
}

function onRoute() {
  state.route = parseRoute();
  if (!state.route) {
    window.location.replace('#/tickets/1');
    return;
  }
  renderNav();
  renderRecord();
  showApp();
}

// ------------------------------------------------------------------------------ live updates

/**
 * Zendesk tells open apps in real time when someone else changes a record. Changes are read
 * from the local server's history (who changed what), so the app's own writes push nothing.
 */
async function pollChanges() {
  // Only what is new: a bulk run leaves thousands of entries. last_id tells a reset apart.
  const { status, body } = await api('GET', `/__control/history?after=${state.lastHistoryId}`);
  if (status !== 200 || !body) return;
  const history = body.history ?? [];
  const maxId = typeof body.last_id === 'number' ? body.last_id : history.reduce((m, e) => Math.max(m, e.id), 0);
  const before = state.snapshot;
  await refreshSnapshot();
  if (maxId < state.lastHistoryId) {
    // The data was reset (by the control panel or a test): nothing to announce.
    state.lastHistoryId = maxId;
  } else {
    const fresh = history.filter((e) => e.id > state.lastHistoryId);
    state.lastHistoryId = maxId;
    const foreign = new Map();
    for (const e of fresh) {
      if (e.actor === OWN_ACTOR) continue;
      foreign.set(`${e.kind}:${e.record_id}`, e);
    }
    for (const [, entry] of foreign) announce(entry.kind, entry.record_id, entry.actor, before, { tagsChanged: true });
    // Status changes by others (they leave no tag history).
    for (const t of Object.values(state.snapshot.tickets)) {
      const old = before.tickets?.[t.id];
      if (old && old.status !== t.status && !foreign.has(`ticket:${t.id}`)) announce('ticket', t.id, OTHER_ACTOR, before);
    }
  }
  renderNav();
  renderRecord();
}

/**
 * Tells the open apps about a change by someone else. `tagsChanged`: the server's history says
 * the tags changed (it records nothing else). The snapshot taken before this poll cannot tell:
 * an earlier poll may have read the history just before the change and the records just after.
 */
function announce(kind, id, actor, before, { tagsChanged = false } = {}) {
  const host = state.host;
  const snap = state.snapshot;
  const rec = snap[COLLECTIONS[kind]][id];
  if (!rec) return;
  const old = before[COLLECTIONS[kind]]?.[id];
  const same = (i) => i.recordKind === kind && i.recordId === id;
  const changed = (name, value) => {
    host.broadcast(same, name, value);
    host.broadcast(same, '*.changed', { propertyName: name.replace(/\.changed$/, ''), newValue: value });
  };
  if (kind === 'ticket') {
    if (tagsChanged || !old || old.tags.join(' ') !== rec.tags.join(' ')) changed('ticket.tags.changed', [...rec.tags]);
    if (old && old.status !== rec.status) changed('ticket.status.changed', rec.status);
    host.broadcast(same, 'ticket.updated', { id: 9999, name: actor === OTHER_ACTOR ? 'Another Agent' : actor });
  } else if (kind === 'user') {
    changed('user.tags.changed', [...rec.tags]);
  } else {
    changed('organization.tags.changed', [...rec.tags]);
  }
}

let polling = false;
async function pollLoop() {
  if (polling) return;
  polling = true;
  try {
    await pollChanges();
  } catch {
    // the server may be restarting; try again on the next tick
  } finally {
    polling = false;
  }
}

// ------------------------------------------------------------------------------ controls

function say(text) {
  $('control-status').textContent = text;
}

function toast(text, kind = 'notice') {
  const el = h('div', { class: `toast ${kind}` }, text);
  $('toasts').append(el);
  setTimeout(() => el.remove(), 5000);
}

async function actAsOther(body) {
  const r = state.route;
  if (!r) return;
  const res = await api('POST', '/__control/act', { kind: r.kind, id: r.id, actor: OTHER_ACTOR, ...body });
  say(res.status < 300 ? `Another agent changed ${r.kind} ${r.id}.` : `Another agent's change failed (${res.status}).`);
  await pollLoop();
}

function splitTags(text) {
  return text.split(/[\s,]+/).filter(Boolean);
}

async function pollLog() {
  if (!$('controls').hasAttribute('open')) return;
  const { status, body } = await api('GET', '/__control/log');
  if (status !== 200 || !body) return;
  const rows = (body.log ?? []).slice(-100).reverse();
  const query = (q) => {
    const s = new URLSearchParams(q ?? {}).toString();
    return s ? `?${s}` : '';
  };
  $('log-rows').replaceChildren(
    ...rows.map((e) =>
      h(
        'tr',
        { class: [e.status === 0 || e.status >= 400 ? 'bad' : '', e.injected ? 'injected' : ''].join(' ').trim() || undefined },
        h('td', {}, new Date(e.time).toISOString().slice(11, 23)),
        h('td', {}, e.method),
        h('td', { class: 'path' }, `${e.path}${query(e.query)}`),
        h('td', {}, e.status === 0 ? 'no answer' : String(e.status), e.injected ? ' (injected)' : ''),
      ),
    ),
  );
}

// The drawer's switches mirror what this page told the server; a reload keeps showing them
// (the server keeps its state until "Reset data").
const SWITCHES_KEY = 'tagwise-local.switches';
const SWITCH_DEFAULTS = { offline: false, tagging: true, inherited: false, role: 'admin', rateLimit: '0' };

function saveSwitches() {
  const value = {
    offline: /** @type {HTMLInputElement} */ ($('offline')).checked,
    tagging: /** @type {HTMLInputElement} */ ($('tagging')).checked,
    inherited: /** @type {HTMLInputElement} */ ($('inherited')).checked,
    role: /** @type {HTMLSelectElement} */ ($('role')).value,
    rateLimit: /** @type {HTMLInputElement} */ ($('rate-limit')).value,
  };
  try {
    sessionStorage.setItem(SWITCHES_KEY, JSON.stringify(value));
  } catch {
    // not persisted; fine
  }
}

function showSwitches(value) {
  const v = { ...SWITCH_DEFAULTS, ...value };
  /** @type {HTMLInputElement} */ ($('offline')).checked = Boolean(v.offline);
  /** @type {HTMLInputElement} */ ($('tagging')).checked = Boolean(v.tagging);
  /** @type {HTMLInputElement} */ ($('inherited')).checked = Boolean(v.inherited);
  /** @type {HTMLSelectElement} */ ($('role')).value = v.role === 'agent' ? 'agent' : 'admin';
  /** @type {HTMLInputElement} */ ($('rate-limit')).value = String(v.rateLimit);
  state.role = v.role === 'agent' ? 'agent' : 'admin';
}

function restoreSwitches() {
  try {
    showSwitches(JSON.parse(sessionStorage.getItem(SWITCHES_KEY) ?? '{}'));
  } catch {
    showSwitches({});
  }
}

// ------------------------------------------------------------------------------ app settings
// What an admin sets in Admin Center (the manifest's parameters). Zendesk hands them to every
// app instance with the handshake (metadata.settings), so a change reloads the apps, as
// saving the settings in Admin Center does. Kept for this tab; `?settings={json}` on the page
// URL sets them (the browser tests do).
const SETTINGS_KEY = 'tagwise-local.settings';

/** @returns {Record<string, unknown>} */
function settingDefaults() {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const p of state.config.parameters ?? []) out[p.name] = p.default ?? (p.type === 'checkbox' ? false : '');
  return out;
}

/** @param {Record<string, unknown>} saved */
function applySettings(saved) {
  state.metadata.settings = { title: state.config.appName ?? 'Tagwise', ...settingDefaults(), ...saved };
}

function renderSettingsForm() {
  const box = $('app-settings-fields');
  box.replaceChildren();
  for (const p of state.config.parameters ?? []) {
    const id = `setting-${p.name}`;
    const value = state.metadata.settings[p.name];
    const help = document.createElement('small');
    help.className = 'muted';
    help.id = `${id}-help`;
    help.textContent = p.helpText;
    if (p.type === 'checkbox') {
      const label = document.createElement('label');
      label.className = 'check';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = id;
      input.dataset.setting = p.name;
      input.checked = value === true || value === 'true';
      input.setAttribute('aria-describedby', help.id);
      label.append(input, ` ${p.label} (${p.name})`);
      box.append(label, help);
    } else {
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `${p.label} (${p.name})`;
      const input = document.createElement(p.type === 'multiline' ? 'textarea' : 'input');
      input.id = id;
      input.dataset.setting = p.name;
      if (input instanceof HTMLTextAreaElement) input.rows = 3;
      input.value = typeof value === 'string' ? value : String(value ?? '');
      input.setAttribute('aria-describedby', help.id);
      box.append(label, input, help);
    }
  }
}

function readSettingsForm() {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const input of /** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ ($('app-settings-fields').querySelectorAll('[data-setting]'))) {
    const name = input.dataset.setting ?? '';
    out[name] = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
  }
  return out;
}

/** @param {Record<string, unknown>} saved */
function saveSettings(saved) {
  try {
    sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(saved));
  } catch {
    // the settings last for this page
  }
}

/** @param {URLSearchParams} params */
function restoreSettings(params) {
  let saved = {};
  try {
    const fromUrl = params.get('settings');
    saved = JSON.parse(fromUrl ?? sessionStorage.getItem(SETTINGS_KEY) ?? '{}') ?? {};
    if (fromUrl) saveSettings(saved);
  } catch {
    saved = {};
  }
  applySettings(typeof saved === 'object' && !Array.isArray(saved) ? saved : {});
}

function remountApps() {
  state.host.unmountAll();
  mountBackground();
  showApp();
}

/**
 * The app's background location, when its manifest has one: loaded once for the agent's
 * session, as Zendesk does, hidden, never activated. Not for a page loaded in the app's
 * place (a test fixture, the bench's hello).
 */
function mountBackground() {
  if (!state.config.background || state.appOverridden) return;
  state.host.mount({ key: 'background', location: 'background', recordKind: null, recordId: null, container: $('apps') });
}

function wireControls() {
  restoreSwitches();
  for (const id of ['offline', 'tagging', 'inherited', 'role']) $(id).addEventListener('change', saveSwitches);
  $('rate-limit-apply').addEventListener('click', saveSwitches);
  $('other-add').addEventListener('click', () => {
    const tags = splitTags(/** @type {HTMLInputElement} */ ($('other-tag')).value);
    if (tags.length) void actAsOther({ add: tags });
  });
  $('other-remove').addEventListener('click', () => {
    const tags = splitTags(/** @type {HTMLInputElement} */ ($('other-tag')).value);
    if (tags.length) void actAsOther({ remove: tags });
  });
  $('other-set-status').addEventListener('click', () => {
    void actAsOther({ status: /** @type {HTMLSelectElement} */ ($('other-status')).value });
  });
  $('fail-arm').addEventListener('click', async () => {
    const kind = /** @type {HTMLSelectElement} */ ($('fail-kind')).value;
    const times = Math.max(1, Number(/** @type {HTMLInputElement} */ ($('fail-times')).value) || 1);
    const retryAfter = Math.max(0, Number(/** @type {HTMLInputElement} */ ($('fail-retry-after')).value) || 0);
    const spec = {
      kind: kind === 'timeout' ? 'timeout' : 'http',
      ...(kind === 'timeout' ? {} : { status: Number(kind) }),
      retryAfter,
      times,
      apply: /** @type {HTMLInputElement} */ ($('fail-apply')).checked,
      match: /** @type {HTMLInputElement} */ ($('fail-any')).checked ? 'any' : 'write',
    };
    const res = await api('POST', '/__control/fail-next', spec);
    const what = kind === 'timeout' ? 'a timeout' : `HTTP ${kind}${kind === '429' ? ` (Retry-After ${retryAfter}s)` : ''}`;
    say(res.status < 300 ? `The next ${times} ${spec.match === 'any' ? 'request(s)' : 'write(s)'} will fail with ${what}.` : `Could not arm the failure (${res.status}).`);
  });
  $('offline').addEventListener('change', async (e) => {
    const offline = /** @type {HTMLInputElement} */ (e.target).checked;
    await api('POST', '/__control/offline', { offline });
    say(offline ? 'The API is offline: requests get no answer.' : 'The API is back online.');
  });
  $('tagging').addEventListener('change', async (e) => {
    const on = /** @type {HTMLInputElement} */ (e.target).checked;
    await api('POST', '/__control/tagging', { on });
    say(on ? 'Tags on users and organizations: on.' : 'Tags on users and organizations: off.');
  });
  $('inherited').addEventListener('change', async (e) => {
    const on = /** @type {HTMLInputElement} */ (e.target).checked;
    await api('POST', '/__control/inherited-tags', { on });
    say(on ? 'Tickets now keep their requester and organization tags.' : 'Inherited tags can be removed from tickets.');
  });
  $('role').addEventListener('change', async (e) => {
    state.role = /** @type {HTMLSelectElement} */ (e.target).value === 'agent' ? 'agent' : 'admin';
    await api('POST', '/__control/role', { role: state.role });
    say(`Signed-in agent's role: ${state.role}.`);
  });
  $('rate-limit-apply').addEventListener('click', async () => {
    const perMinute = Math.max(0, Number(/** @type {HTMLInputElement} */ ($('rate-limit')).value) || 0);
    await api('POST', '/__control/rate-limit', { perMinute });
    say(perMinute ? `Rate limit: ${perMinute} requests per minute.` : 'Rate limit off.');
  });
  const localeSelect = /** @type {HTMLSelectElement} */ ($('locale'));
  localeSelect.value = state.locale;
  localeSelect.addEventListener('change', () => {
    state.locale = localeSelect.value;
    try {
      localStorage.setItem(LOCALE_KEY, state.locale);
    } catch {
      // storage may be unavailable; the choice lasts for this page
    }
    say(`Agent locale: ${state.locale}. Apps reloaded.`);
    renderNav();
    remountApps();
  });
  $('app-settings-save').addEventListener('click', () => {
    const saved = readSettingsForm();
    saveSettings(saved);
    applySettings(saved);
    remountApps();
    say('App settings saved. Apps reloaded.');
  });
  $('reset').addEventListener('click', async () => {
    await api('POST', '/__control/reset');
    showSwitches({});
    saveSwitches();
    saveSettings({});
    applySettings({});
    renderSettingsForm();
    state.lastHistoryId = 0;
    await refreshSnapshot();
    renderNav();
    renderRecord();
    remountApps();
    say('Data reset to the seed. Apps reloaded.');
  });
  $('clear-log').addEventListener('click', async () => {
    await api('POST', '/__control/clear-log');
    await pollLog();
  });
  $('reload-app').addEventListener('click', () => {
    const r = state.route;
    if (!r) return;
    state.host.unmount(r.kind === 'nav_bar' ? `nav_bar:${r.app.route}` : `${r.kind}:${r.id}`);
    showApp();
  });
  $('controls').addEventListener('toggle', () => void pollLog());
}

// ------------------------------------------------------------------------------ start

async function start() {
  const params = new URLSearchParams(window.location.search);
  let stored = null;
  try {
    stored = localStorage.getItem(LOCALE_KEY);
  } catch {
    stored = null;
  }
  const wanted = params.get('locale') ?? stored ?? 'en';
  state.locale = LOCALES.includes(wanted) ? wanted : 'en';
  if (params.has('controls') && params.get('controls') === 'closed') $('controls').removeAttribute('open');

  const configRes = await api('GET', '/__config.json');
  state.config = configRes.body;
  // A test may load another page from the app origin in place of the app (e.g. a protocol fixture).
  const appPath = params.get('app');
  if (appPath && appPath.startsWith('/') && !appPath.startsWith('//')) {
    state.config.appPath = appPath;
    state.appOverridden = true;
  }
  $('account').textContent = `${state.config.subdomain}.zendesk.com (local)`;

  const history = await api('GET', `/__control/history?after=${Number.MAX_SAFE_INTEGER}`);
  state.lastHistoryId = history.body?.last_id ?? 0;
  await refreshSnapshot();

  // The host sends a copy of this object with every handshake: the settings form changes it.
  state.metadata = { ...state.metadata, name: state.config.appName ?? 'Tagwise', version: state.config.appVersion ?? '1.0.0' };
  restoreSettings(params);
  renderSettingsForm();

  state.host = createZafHost({
    appOrigin: state.config.appOrigin,
    appPath: state.config.appPath,
    // A page loaded in place of the app (?app=) stands in for every location.
    ...(state.appOverridden ? {} : { locationPaths: state.config.locationPaths }),
    subdomain: state.config.subdomain,
    actor: OWN_ACTOR,
    metadata: state.metadata,
    describe,
    onNotify: (text, kind) => toast(text, kind),
    onRequestEnd: (_instance, options) => {
      const method = String(options?.type ?? 'GET').toUpperCase();
      if (method !== 'GET') void pollLoop();
      void pollLog();
    },
  });
  // For tests and for poking around in devtools.
  window.__zafHost = state.host;
  window.__workspace = state;

  wireControls();
  window.addEventListener('hashchange', onRoute);
  mountBackground();
  onRoute();
  setInterval(() => void pollLoop(), POLL_MS);
  setInterval(() => void pollLog(), LOG_POLL_MS);
  void pollLog();
  document.documentElement.dataset.ready = 'true';
}

void start();
