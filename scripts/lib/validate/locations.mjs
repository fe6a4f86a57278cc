// manifest.location: hosts, the locations each host has, and where each iframe url may point.
import path from 'node:path';
import { isObject, show } from './context.mjs';

const M = 'manifest.json';

export const KNOWN_LOCATIONS = {
  support: [
    'background', 'modal', 'nav_bar', 'new_ticket_sidebar', 'organization_sidebar',
    'system_top_bar', 'ticket_editor', 'ticket_sidebar', 'top_bar', 'user_sidebar',
  ],
  chat: ['background', 'chat_sidebar'],
  standalone_chat: ['nav_bar', 'system_top_bar'],
  sell: [
    'background', 'call_log_editor', 'company_card', 'dashboard', 'deal_card', 'email_editor',
    'lead_card', 'modal', 'note_editor', 'person_card', 'top_bar', 'visit_editor',
  ],
};
// Older names Zendesk still reads for the same hosts.
export const LEGACY_HOSTS = { zendesk: 'support', zopim: 'chat', lotus_box: 'standalone_chat' };
// Locations that show an icon in Zendesk's chrome (assets/icon_<location>.svg).
const ICON_LOCATIONS = { support: ['nav_bar', 'top_bar', 'system_top_bar', 'ticket_editor'], sell: ['top_bar'] };

/** The hosts ("products") the manifest's locations name, legacy names resolved. */
export function manifestProducts(manifest) {
  const loc = manifest?.location;
  if (!isObject(loc)) return ['support'];
  return [...new Set(Object.keys(loc).map((h) => LEGACY_HOSTS[h] ?? h))].filter((h) => KNOWN_LOCATIONS[h]);
}

export function checkLocations(ctx, manifest) {
  const { error } = ctx;
  const location = manifest.location;
  if (Array.isArray(location) || typeof location === 'string') {
    error(M, `"location" must be an object of urls like {"support": {"ticket_sidebar": {"url": "assets/index.html"}}}; a list of names is the framework 1 form (got ${show(location)})`, 'locations_must_be_urls');
    return;
  }
  if (!isObject(location) || Object.keys(location).length === 0) {
    error(M, `"location" must name at least one location, e.g. {"support": {"ticket_sidebar": {"url": "assets/index.html"}}} (got ${show(location)})`, 'manifest_keys.missing');
    return;
  }
  for (const [host, places] of Object.entries(location)) {
    const product = LEGACY_HOSTS[host] ?? host;
    if (!KNOWN_LOCATIONS[product]) {
      error(M, `location: unknown host "${host}" (known: ${Object.keys(KNOWN_LOCATIONS).join(', ')})`, 'invalid_host');
      continue;
    }
    if (!isObject(places)) {
      error(M, `location.${host} must be an object of locations (got ${show(places)})`, 'invalid_location');
      continue;
    }
    for (const [place, spec] of Object.entries(places)) {
      const at = `location.${host}.${place}`;
      if (!KNOWN_LOCATIONS[product].includes(place)) {
        const why = place === 'custom_object_record_sidebar'
          ? 'it needs a custom objects feature Zendesk does not enable for uploaded apps'
          : `${product} has ${KNOWN_LOCATIONS[product].join(', ')}`;
        error(M, `${at}: "${place}" is not a ${product} location (${why})`, 'invalid_location');
        continue;
      }
      checkLocation(ctx, at, spec, manifest);
    }
  }
  warnMissingIcons(ctx, location);
}

function checkLocation(ctx, at, spec, manifest) {
  const { error, warn } = ctx;
  if (typeof spec !== 'string' && !isObject(spec)) {
    error(M, `${at} must be a url string or an object with "url" (got ${show(spec)})`, 'invalid_location_uri');
    return;
  }
  const options = typeof spec === 'string' ? { url: spec } : spec;
  if (options.flexible !== undefined && options.flexible !== null && typeof options.flexible !== 'boolean') {
    error(M, `${at}.flexible must be true or false (got ${show(options.flexible)})`, 'invalid_location_flexible_type');
  }
  const url = options.url;
  if (typeof url !== 'string' || url === '') {
    if (options.autoLoad !== false) {
      error(M, `${at} needs a "url" (e.g. "assets/index.html"), or "autoLoad": false (got ${show(url)})`, 'blank_location_uri');
    }
    return;
  }
  if (url.includes('{{setting.')) {
    const names = [...url.matchAll(/\{\{setting\.([^}]+)\}\}/g)].map((x) => x[1]);
    const declared = Array.isArray(manifest.parameters) ? manifest.parameters.filter(isObject).map((p) => p.name) : [];
    for (const n of names.filter((n) => !declared.includes(n))) {
      warn(M, `${at}.url uses {{setting.${n}}}, which is not a parameter of this app`);
    }
    return;
  }
  checkUrl(ctx, at, url);
}

function checkUrl(ctx, at, url) {
  const { error, stricter } = ctx;
  const bad = (why) => error(M, `${at}.url "${url}" ${why}`, 'invalid_location_uri');
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      bad('is not a valid URL');
      return;
    }
    if (parsed.protocol === 'https:' || parsed.hostname === 'localhost') return;
    if (parsed.protocol === 'http:' && ['127.0.0.1', '[::1]'].includes(parsed.hostname)) {
      bad('must be https; Zendesk allows plain http only for the name "localhost", not an IP address');
    } else if (parsed.protocol === 'http:') bad('must be https (plain http is allowed only for localhost)');
    else bad('must be an https URL or a path under assets/');
    return;
  }
  if (/\s/.test(url)) {
    bad('is not a valid URL (it holds spaces)');
    return;
  }
  const filePart = url.split(/[?#]/)[0];
  if (!filePart.startsWith('assets/')) {
    bad('must be a path under assets/ (e.g. assets/index.html) or an https URL');
    return;
  }
  const normal = path.posix.normalize(filePart);
  if (!normal.startsWith('assets/')) {
    stricter(M, `${at}.url "${url}" leaves assets/`, 'Zendesk only checks the text starts with assets/, but serves the app from assets/');
    return;
  }
  if (!ctx.has(normal)) bad('is not a file in the package (run npm run build)');
}

function warnMissingIcons(ctx, location) {
  for (const [host, places] of Object.entries(location)) {
    const product = LEGACY_HOSTS[host] ?? host;
    if (!isObject(places)) continue;
    for (const place of Object.keys(places)) {
      if (!(ICON_LOCATIONS[product] ?? []).includes(place)) continue;
      const svg = `assets/icon_${place}.svg`;
      const pngs = ['inactive', 'active', 'hover'].map((s) => `assets/icon_${place}_${s}.png`);
      if (!ctx.has(svg) && !pngs.every((p) => ctx.has(p))) {
        ctx.warn(M, `location.${host}.${place} shows an icon, but there is no ${svg}: Zendesk shows a default one`);
      }
    }
  }
}
